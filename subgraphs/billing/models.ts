/** A User as billing knows it: only its id (identity owns the rest; billing adds fields to it). */
export interface UserRef {
  id: string;
}
