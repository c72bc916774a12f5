// autocannon ships no types; the load generator uses its documented programmatic options.
declare module 'autocannon' {
  const autocannon: (options: Record<string, unknown>) => Promise<Record<string, any>>;
  export default autocannon;
}
