import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { ContentItemRow as ContentItemRowModel, CourseRow as CourseRowModel, LessonRow as LessonRowModel, EnrollmentRow as EnrollmentRowModel } from '../tables.js';
import type { TrainerRef as TrainerRefModel, UserRef as UserRefModel, SearchHit as SearchHitModel } from '../model.js';
import type { RequestContext } from '../../../kit/subgraph.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An ISO 4217 currency code, e.g. USD. */
  Currency: { input: string; output: string; }
  /** An instant in UTC, as an ISO 8601 string (e.g. 2026-11-27T14:00:00Z). */
  DateTime: { input: Date; output: Date | string; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** A new lesson. */
export type AddLessonInput = {
  /** Content items to work through, in order (at most 50): the trainer's own or published ones. */
  contentItemIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Up to 10000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Expected duration in minutes, 0-1440. */
  durationMinutes?: InputMaybe<Scalars['Int']['input']>;
  /** The sequenceNumber it gets (1 = first); the end when left out. Later lessons move down one. */
  sequenceNumber?: InputMaybe<Scalars['Int']['input']>;
  /** 1-200 characters. */
  title: Scalars['String']['input'];
};

/**
 * A piece of content a trainer made: a video, article, audio or infographic. Drafts
 * (isPublished = false) are visible only to their creator, and through a lesson of the creator's
 * course to viewers with access to that course (course-only material).
 */
export type ContentItem = {
  __typename?: 'ContentItem';
  /** Where the media itself is. */
  contentUrl?: Maybe<Scalars['String']['output']>;
  /** Published courses whose lessons use this item, newest first (at most 10). */
  courses: Array<Course>;
  /** When it was created. */
  createdAt: Scalars['DateTime']['output'];
  /** The trainer who made it. */
  creator: Trainer;
  /** Longer description. */
  description?: Maybe<Scalars['String']['output']>;
  /** How demanding it is. */
  difficulty?: Maybe<Difficulty>;
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** Whether everyone can see it. */
  isPublished: Scalars['Boolean']['output'];
  /** The language it is written in. */
  language: ContentLanguage;
  /** The signed-in viewer's own rating, or null. */
  myRating?: Maybe<Scalars['Int']['output']>;
  /** The average rating, 1-5, to 2 decimals; null until someone rates it. */
  rating?: Maybe<Scalars['Float']['output']>;
  /** How many people rated it. */
  ratingsCount: Scalars['Int']['output'];
  /** Lower-case tags, e.g. ['mobility', 'yoga']. */
  tags: Array<Scalars['String']['output']>;
  /** A preview image. */
  thumbnailUrl?: Maybe<Scalars['String']['output']>;
  /** Title; weighted above the description in search. */
  title: Scalars['String']['output'];
  /** The kind of media. */
  type: ContentType;
  /** When it last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** How many times it was viewed, each viewer (a signed-in user, or an anonymous client address) counted once per UTC day. Views are added in batches, about once a second. */
  viewCount: Scalars['Int']['output'];
};

/** A page of content items. */
export type ContentItemConnection = {
  __typename?: 'ContentItemConnection';
  /** The items on this page. */
  nodes: Array<ContentItem>;
  /** Where the page ends. */
  pageInfo: PageInfo;
  /** How many nodes the list has in all pages, with the same filter. */
  totalCount: Scalars['Int']['output'];
};

/** The language content is written in; it chooses the stemming used to search it. */
export type ContentLanguage =
  /** English (English stemming: 'running' finds 'run'). */
  | 'ENGLISH'
  /** Russian (Russian stemming: 'упражнения' finds 'упражнение'). */
  | 'RUSSIAN';

/** A page of search hits, best first (newest first for an empty query). */
export type ContentSearchConnection = {
  __typename?: 'ContentSearchConnection';
  /** The hits on this page. */
  nodes: Array<ContentSearchResult>;
  /** Where the page ends. */
  pageInfo: PageInfo;
  /** How many nodes the list has in all pages, with the same filter. */
  totalCount: Scalars['Int']['output'];
};

/** One search hit. */
export type ContentSearchResult = {
  __typename?: 'ContentSearchResult';
  /** The item found. */
  item: ContentItem;
  /** Relevance (ts_rank_cd, title weighted above description); 0 when the query was empty. */
  rank: Scalars['Float']['output'];
  /** An HTML-escaped excerpt with the matched words wrapped in <mark></mark>; null when the query was empty. */
  snippet?: Maybe<Scalars['String']['output']>;
};

/** What kind of media a content item is. */
export type ContentType =
  /** A written article. */
  | 'ARTICLE'
  /** An audio recording, e.g. a guided session or podcast. */
  | 'AUDIO'
  /** A single-image explainer. */
  | 'INFOGRAPHIC'
  /** A video. */
  | 'VIDEO';

/**
 * A course: an ordered series of lessons by one trainer. Everyone sees a published course's outline;
 * the content of a paid course's lessons is for viewers who bought it or enrolled in it.
 */
export type Course = {
  __typename?: 'Course';
  /** A cover image. */
  coverImageUrl?: Maybe<Scalars['String']['output']>;
  /** When it was created. */
  createdAt: Scalars['DateTime']['output'];
  /** The trainer who made it. */
  creator: Trainer;
  /** The ISO 4217 currency of priceCents. */
  currency: Scalars['Currency']['output'];
  /** Longer description. */
  description?: Maybe<Scalars['String']['output']>;
  /** How demanding it is. */
  difficulty?: Maybe<Difficulty>;
  /** Expected total duration in hours. */
  durationHours?: Maybe<Scalars['Int']['output']>;
  /** How many users are enrolled. */
  enrollmentsCount: Scalars['Int']['output'];
  /**
   * Whether the signed-in viewer may open the lessons' content, decided on every read: a free course,
   * its creator, an admin, or a current entitlement from billing (course:<id> or courses:all). Paid
   * content ends with the subscription (canceled, expired, refunded in full), enrolled or not.
   */
  hasAccess: Scalars['Boolean']['output'];
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** Whether the signed-in viewer is enrolled. An enrollment records joining; it opens no paid content by itself. */
  isEnrolled: Scalars['Boolean']['output'];
  /** Whether anyone may open its lessons. */
  isFree: Scalars['Boolean']['output'];
  /** Whether everyone can see it. */
  isPublished: Scalars['Boolean']['output'];
  /** The lessons in order (sequenceNumber 1, 2, ...). */
  lessons: Array<Lesson>;
  /** Name. */
  name: Scalars['String']['output'];
  /** Price in cents (0 when free). */
  priceCents: Scalars['Int']['output'];
  /** When it last changed. */
  updatedAt: Scalars['DateTime']['output'];
};

/** A page of courses. */
export type CourseConnection = {
  __typename?: 'CourseConnection';
  /** The courses on this page. */
  nodes: Array<Course>;
  /** Where the page ends. */
  pageInfo: PageInfo;
  /** How many nodes the list has in all pages, with the same filter. */
  totalCount: Scalars['Int']['output'];
};

/** Narrows the course catalogue. */
export type CourseFilter = {
  /** Only courses by this trainer (drafts too when the trainer asks). */
  creatorId?: InputMaybe<Scalars['ID']['input']>;
  /** Only courses at this level. */
  difficulty?: InputMaybe<Difficulty>;
  /** Only free (true) or only paid (false) courses. */
  isFree?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A new content item; it starts as a draft. */
export type CreateContentItemInput = {
  /** http(s) URL of the media. */
  contentUrl?: InputMaybe<Scalars['String']['input']>;
  /** Up to 10000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** How demanding it is. */
  difficulty?: InputMaybe<Difficulty>;
  /** The language it is written in (default ENGLISH). */
  language?: InputMaybe<ContentLanguage>;
  /** Up to 20 tags of 1-40 characters; stored lower-case, duplicates dropped. */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  /** http(s) URL of a preview image. */
  thumbnailUrl?: InputMaybe<Scalars['String']['input']>;
  /** 1-200 characters. */
  title: Scalars['String']['input'];
  /** The kind of media. */
  type: ContentType;
};

/** A new course; it starts as a draft without lessons. */
export type CreateCourseInput = {
  /** http(s) URL of a cover image. */
  coverImageUrl?: InputMaybe<Scalars['String']['input']>;
  /** The ISO 4217 currency of priceCents (default USD). */
  currency?: InputMaybe<Scalars['Currency']['input']>;
  /** Up to 10000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** How demanding it is. */
  difficulty?: InputMaybe<Difficulty>;
  /** Expected total duration in hours, 0-1000. */
  durationHours?: InputMaybe<Scalars['Int']['input']>;
  /** 1-200 characters. */
  name: Scalars['String']['input'];
  /** Price in cents, 0-10000000; 0 (the default) makes the course free. */
  priceCents?: InputMaybe<Scalars['Int']['input']>;
};

/** How demanding content or a course is. */
export type Difficulty =
  /** For experienced athletes. */
  | 'ADVANCED'
  /** No experience needed. */
  | 'BEGINNER'
  /** Some training experience. */
  | 'INTERMEDIATE';

/** The outcome of enrollInCourse. */
export type EnrollResult = Enrollment | PurchaseRequired;

/** A user's enrollment in a course. */
export type Enrollment = {
  __typename?: 'Enrollment';
  /** The course. */
  course: Course;
  /** When the user enrolled. */
  enrolledAt: Scalars['DateTime']['output'];
};

/** A page of enrollments. */
export type EnrollmentConnection = {
  __typename?: 'EnrollmentConnection';
  /** The enrollments on this page. */
  nodes: Array<Enrollment>;
  /** Where the page ends. */
  pageInfo: PageInfo;
  /** How many nodes the list has in all pages, with the same filter. */
  totalCount: Scalars['Int']['output'];
};

/** One step of a course. Its outline is public; its content items need access to the course. */
export type Lesson = {
  __typename?: 'Lesson';
  /** The content to work through, in order, including the course creator's unpublished (course-only) items; null when locked. */
  contentItems?: Maybe<Array<ContentItem>>;
  /** The course it belongs to. */
  course: Course;
  /** What the lesson covers. */
  description?: Maybe<Scalars['String']['output']>;
  /** Expected duration in minutes. */
  durationMinutes?: Maybe<Scalars['Int']['output']>;
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** True when the viewer may not open the lesson's content: a paid course without a current entitlement (see Course.hasAccess). */
  locked: Scalars['Boolean']['output'];
  /** Position in the course, from 1 without gaps. */
  sequenceNumber: Scalars['Int']['output'];
  /** Title. */
  title: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Adds a lesson to one of the viewer's own courses. */
  addLesson: Course;
  /** Creates a draft content item. Trainers only. */
  createContentItem: ContentItem;
  /** Creates a draft course. Trainers only. */
  createCourse: Course;
  /** Enrolls the viewer in a published course; paid courses need a current entitlement first, and the enrollment does not keep the content open without one. */
  enrollInCourse: EnrollResult;
  /** Makes one of the viewer's own content items visible to everyone. */
  publishContentItem: ContentItem;
  /** Makes one of the viewer's own courses visible to everyone; it needs at least one lesson. */
  publishCourse: Course;
  /** Rates a visible content item 1-5; rating again replaces the viewer's earlier rating. A trainer cannot rate their own items (FORBIDDEN). */
  rateContentItem: ContentItem;
  /** Counts a view of a visible content item; the same viewer's further views that UTC day are not counted. Safe to call from many clients at once. */
  recordContentView: Scalars['Boolean']['output'];
  /** Withdraws the viewer's rating of an item. True when there was one. */
  removeContentRating: Scalars['Boolean']['output'];
  /** Removes a lesson; the later lessons move up so the numbering has no gaps. */
  removeLesson: Course;
  /** Puts the course's lessons in the given order, all at once. Lists every lesson of the course exactly once. */
  reorderLessons: Course;
  /** Ends the viewer's enrollment. True when there was one. */
  unenrollFromCourse: Scalars['Boolean']['output'];
  /** Hides one of the viewer's own content items from everyone else. */
  unpublishContentItem: ContentItem;
  /** Hides one of the viewer's own courses from everyone else (enrollments stay). */
  unpublishCourse: Course;
  /** Changes one of the viewer's own content items. */
  updateContentItem: ContentItem;
  /** Changes one of the viewer's own courses. */
  updateCourse: Course;
  /** Changes a lesson of one of the viewer's own courses. */
  updateLesson: Lesson;
};


export type MutationAddLessonArgs = {
  courseId: Scalars['ID']['input'];
  input: AddLessonInput;
};


export type MutationCreateContentItemArgs = {
  input: CreateContentItemInput;
};


export type MutationCreateCourseArgs = {
  input: CreateCourseInput;
};


export type MutationEnrollInCourseArgs = {
  courseId: Scalars['ID']['input'];
};


export type MutationPublishContentItemArgs = {
  id: Scalars['ID']['input'];
};


export type MutationPublishCourseArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRateContentItemArgs = {
  id: Scalars['ID']['input'];
  rating: Scalars['Int']['input'];
};


export type MutationRecordContentViewArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRemoveContentRatingArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRemoveLessonArgs = {
  id: Scalars['ID']['input'];
};


export type MutationReorderLessonsArgs = {
  courseId: Scalars['ID']['input'];
  lessonIds: Array<Scalars['ID']['input']>;
};


export type MutationUnenrollFromCourseArgs = {
  courseId: Scalars['ID']['input'];
};


export type MutationUnpublishContentItemArgs = {
  id: Scalars['ID']['input'];
};


export type MutationUnpublishCourseArgs = {
  id: Scalars['ID']['input'];
};


export type MutationUpdateContentItemArgs = {
  id: Scalars['ID']['input'];
  input: UpdateContentItemInput;
};


export type MutationUpdateCourseArgs = {
  id: Scalars['ID']['input'];
  input: UpdateCourseInput;
};


export type MutationUpdateLessonArgs = {
  id: Scalars['ID']['input'];
  input: UpdateLessonInput;
};

/** Paging information for a list. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Pass as `after` to get the next page; null on an empty page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether another page follows. */
  hasNextPage: Scalars['Boolean']['output'];
};

/**
 * An expected outcome a form shows, not an error: the request was understood and refused for a
 * reason the user can act on. Switch on __typename or on code. A batch mutation that stores the valid
 * items also reports each refused item as a Problem in its result's errors list
 * (HealthMetricInputError, AnalyticsEventInputError).
 */
export type Problem = {
  /**
   * Stable SCREAMING_SNAKE code, for switching in code: a mutation outcome's type name (EMAIL_TAKEN,
   * PAYMENT_DECLINED); for a refused item of a batch, the ErrorCode an error about that input would
   * carry (BAD_USER_INPUT).
   */
  code: Scalars['String']['output'];
  /** Human-readable explanation, safe to show to the user. */
  message: Scalars['String']['output'];
};

/** The course is paid and the viewer has not bought it. */
export type PurchaseRequired = Problem & {
  __typename?: 'PurchaseRequired';
  /** Stable code of the outcome, always PURCHASE_REQUIRED. */
  code: Scalars['String']['output'];
  /** The course. */
  course: Course;
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** One content item; null when it does not exist or is a draft of someone else. */
  contentItem?: Maybe<ContentItem>;
  /** One course with its lessons in order; null when it does not exist or is a draft of someone else. */
  course?: Maybe<Course>;
  /** The course catalogue, newest first: published courses (and the viewer's own drafts). */
  courses: CourseConnection;
  /**
   * Full-text search over published content items (and the viewer's own drafts), in English and
   * Russian with each item's stemming. Ranked by relevance; an empty or missing query lists newest first.
   */
  searchContent: ContentSearchConnection;
};


export type QueryContentItemArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCourseArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCoursesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<CourseFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QuerySearchContentArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  difficulty?: InputMaybe<Difficulty>;
  first?: InputMaybe<Scalars['Int']['input']>;
  query?: InputMaybe<Scalars['String']['input']>;
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  type?: InputMaybe<ContentType>;
};

/**
 * A trainer, owned by the training subgraph. The content subgraph adds the trainer's items and
 * courses.
 */
export type Trainer = {
  __typename?: 'Trainer';
  /** The trainer's content items, newest first: published ones for everyone, drafts too for the trainer. */
  contentItems?: Maybe<ContentItemConnection>;
  /** The trainer's courses, newest first: published ones for everyone, drafts too for the trainer. */
  courses?: Maybe<CourseConnection>;
  /** Stable identifier. */
  id: Scalars['ID']['output'];
};


/**
 * A trainer, owned by the training subgraph. The content subgraph adds the trainer's items and
 * courses.
 */
export type TrainerContentItemsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * A trainer, owned by the training subgraph. The content subgraph adds the trainer's items and
 * courses.
 */
export type TrainerCoursesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** Changes to a content item; a field left out keeps its value. */
export type UpdateContentItemInput = {
  /** http(s) URL of the media; null clears it. */
  contentUrl?: InputMaybe<Scalars['String']['input']>;
  /** Up to 10000 characters; null clears it. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** How demanding it is; null clears it. */
  difficulty?: InputMaybe<Difficulty>;
  /** The language it is written in. */
  language?: InputMaybe<ContentLanguage>;
  /** Replaces the tags; same rules as at creation. */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  /** http(s) URL of a preview image; null clears it. */
  thumbnailUrl?: InputMaybe<Scalars['String']['input']>;
  /** 1-200 characters. */
  title?: InputMaybe<Scalars['String']['input']>;
  /** The kind of media. */
  type?: InputMaybe<ContentType>;
};

/** Changes to a course; a field left out keeps its value. */
export type UpdateCourseInput = {
  /** http(s) URL of a cover image; null clears it. */
  coverImageUrl?: InputMaybe<Scalars['String']['input']>;
  /** The ISO 4217 currency of priceCents. */
  currency?: InputMaybe<Scalars['Currency']['input']>;
  /** Up to 10000 characters; null clears it. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** How demanding it is; null clears it. */
  difficulty?: InputMaybe<Difficulty>;
  /** Expected total duration in hours, 0-1000; null clears it. */
  durationHours?: InputMaybe<Scalars['Int']['input']>;
  /** 1-200 characters. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Price in cents, 0-10000000; 0 makes the course free. */
  priceCents?: InputMaybe<Scalars['Int']['input']>;
};

/** Changes to a lesson; a field left out keeps its value. */
export type UpdateLessonInput = {
  /** Replaces the content items; same rules as when adding. */
  contentItemIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Up to 10000 characters; null clears it. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Expected duration in minutes, 0-1440; null clears it. */
  durationMinutes?: InputMaybe<Scalars['Int']['input']>;
  /** 1-200 characters. */
  title?: InputMaybe<Scalars['String']['input']>;
};

/** A person with an account, owned by the identity subgraph. The content subgraph adds enrollments. */
export type User = {
  __typename?: 'User';
  /** The courses this user enrolled in, most recent first. Only the user (and admins) may read it. */
  enrollments?: Maybe<EnrollmentConnection>;
  /** Stable identifier. */
  id: Scalars['ID']['output'];
};


/** A person with an account, owned by the identity subgraph. The content subgraph adds enrollments. */
export type UserEnrollmentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};



export type ResolverTypeWrapper<T> = T | Promise<T>;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = {
  ContentItem: ContentItem;
  Course: Course;
  Lesson: Lesson;
  Trainer: Trainer;
  User: User;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  ContentItem:
    ( { __typename: 'ContentItem' }
    & GraphQLRecursivePick<FederationTypes['ContentItem'], {"id":true}> );
  Course:
    ( { __typename: 'Course' }
    & GraphQLRecursivePick<FederationTypes['Course'], {"id":true}> );
  Lesson:
    ( { __typename: 'Lesson' }
    & GraphQLRecursivePick<FederationTypes['Lesson'], {"id":true}> );
  Trainer:
    ( { __typename: 'Trainer' }
    & GraphQLRecursivePick<FederationTypes['Trainer'], {"id":true}> );
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
};

/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = {
  EnrollResult:
    | ( EnrollmentRowModel )
    | ( Omit<PurchaseRequired, 'code' | 'course'> & { course: ResolversTypes['Course'] } )
  ;
};

/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = {
  Problem: ( Omit<PurchaseRequired, 'code' | 'course'> & { course: ResolversTypes['Course'] } );
};

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AddLessonInput: AddLessonInput;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ContentItem: ResolverTypeWrapper<ContentItemRowModel>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  ContentItemConnection: ResolverTypeWrapper<Omit<ContentItemConnection, 'nodes' | 'totalCount'> & { nodes: Array<ResolversTypes['ContentItem']>; totalCount: () => Promise<number> }>;
  ContentLanguage: ContentLanguage;
  ContentSearchConnection: ResolverTypeWrapper<Omit<ContentSearchConnection, 'nodes' | 'totalCount'> & { nodes: Array<ResolversTypes['ContentSearchResult']>; totalCount: () => Promise<number> }>;
  ContentSearchResult: ResolverTypeWrapper<SearchHitModel>;
  ContentType: ContentType;
  Course: ResolverTypeWrapper<CourseRowModel>;
  CourseConnection: ResolverTypeWrapper<Omit<CourseConnection, 'nodes' | 'totalCount'> & { nodes: Array<ResolversTypes['Course']>; totalCount: () => Promise<number> }>;
  CourseFilter: CourseFilter;
  CreateContentItemInput: CreateContentItemInput;
  CreateCourseInput: CreateCourseInput;
  Currency: ResolverTypeWrapper<Scalars['Currency']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Difficulty: Difficulty;
  EnrollResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['EnrollResult']>;
  Enrollment: ResolverTypeWrapper<EnrollmentRowModel>;
  EnrollmentConnection: ResolverTypeWrapper<Omit<EnrollmentConnection, 'nodes' | 'totalCount'> & { nodes: Array<ResolversTypes['Enrollment']>; totalCount: () => Promise<number> }>;
  Lesson: ResolverTypeWrapper<LessonRowModel>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Problem: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['Problem']>;
  PurchaseRequired: ResolverTypeWrapper<Omit<PurchaseRequired, 'code' | 'course'> & { course: ResolversTypes['Course'] }>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Trainer: ResolverTypeWrapper<TrainerRefModel>;
  UpdateContentItemInput: UpdateContentItemInput;
  UpdateCourseInput: UpdateCourseInput;
  UpdateLessonInput: UpdateLessonInput;
  User: ResolverTypeWrapper<UserRefModel>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AddLessonInput: AddLessonInput;
  ID: Scalars['ID']['output'];
  String: Scalars['String']['output'];
  ContentItem: ContentItemRowModel;
  Float: Scalars['Float']['output'];
  ContentItemConnection: Omit<ContentItemConnection, 'nodes' | 'totalCount'> & { nodes: Array<ResolversTypes['ContentItem']>; totalCount: () => Promise<number> };
  ContentSearchConnection: Omit<ContentSearchConnection, 'nodes' | 'totalCount'> & { nodes: Array<ResolversTypes['ContentSearchResult']>; totalCount: () => Promise<number> };
  ContentSearchResult: SearchHitModel;
  Course: CourseRowModel;
  CourseConnection: Omit<CourseConnection, 'nodes' | 'totalCount'> & { nodes: Array<ResolversTypes['Course']>; totalCount: () => Promise<number> };
  CourseFilter: CourseFilter;
  CreateContentItemInput: CreateContentItemInput;
  CreateCourseInput: CreateCourseInput;
  Currency: Scalars['Currency']['output'];
  DateTime: Scalars['DateTime']['output'];
  EnrollResult: ResolversUnionTypes<ResolversParentTypes>['EnrollResult'];
  Enrollment: EnrollmentRowModel;
  EnrollmentConnection: Omit<EnrollmentConnection, 'nodes' | 'totalCount'> & { nodes: Array<ResolversTypes['Enrollment']>; totalCount: () => Promise<number> };
  Lesson: LessonRowModel;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Problem: ResolversInterfaceTypes<ResolversParentTypes>['Problem'];
  PurchaseRequired: Omit<PurchaseRequired, 'code' | 'course'> & { course: ResolversTypes['Course'] };
  Query: Record<PropertyKey, never>;
  Trainer: TrainerRefModel;
  UpdateContentItemInput: UpdateContentItemInput;
  UpdateCourseInput: UpdateCourseInput;
  UpdateLessonInput: UpdateLessonInput;
  User: UserRefModel;
  Boolean: Scalars['Boolean']['output'];
  Int: Scalars['Int']['output'];
};

export type CacheControlDirectiveArgs = {
  inheritMaxAge?: Maybe<Scalars['Boolean']['input']>;
  maxAge?: Maybe<Scalars['Int']['input']>;
};

export type CacheControlDirectiveResolver<Result, Parent, ContextType = RequestContext, Args = CacheControlDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type ContentItemResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ContentItem'] = ResolversParentTypes['ContentItem'], FederationReferenceType extends FederationReferenceTypes['ContentItem'] = FederationReferenceTypes['ContentItem']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['ContentItem']> | FederationReferenceType, FederationReferenceType, ContextType>;
  contentUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  courses?: Resolver<Array<ResolversTypes['Course']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  creator?: Resolver<ResolversTypes['Trainer'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  difficulty?: Resolver<Maybe<ResolversTypes['Difficulty']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isPublished?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  language?: Resolver<ResolversTypes['ContentLanguage'], ParentType, ContextType>;
  myRating?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  rating?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  ratingsCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  tags?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  thumbnailUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['ContentType'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  viewCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ContentItemConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ContentItemConnection'] = ResolversParentTypes['ContentItemConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['ContentItem']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ContentSearchConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ContentSearchConnection'] = ResolversParentTypes['ContentSearchConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['ContentSearchResult']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ContentSearchResultResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ContentSearchResult'] = ResolversParentTypes['ContentSearchResult']> = {
  item?: Resolver<ResolversTypes['ContentItem'], ParentType, ContextType>;
  rank?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  snippet?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type CourseResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Course'] = ResolversParentTypes['Course'], FederationReferenceType extends FederationReferenceTypes['Course'] = FederationReferenceTypes['Course']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Course']> | FederationReferenceType, FederationReferenceType, ContextType>;
  coverImageUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  creator?: Resolver<ResolversTypes['Trainer'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['Currency'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  difficulty?: Resolver<Maybe<ResolversTypes['Difficulty']>, ParentType, ContextType>;
  durationHours?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  enrollmentsCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  hasAccess?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isEnrolled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  isFree?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  isPublished?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  lessons?: Resolver<Array<ResolversTypes['Lesson']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  priceCents?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type CourseConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['CourseConnection'] = ResolversParentTypes['CourseConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['Course']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export interface CurrencyScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Currency'], any> {
  name: 'Currency';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type EnrollResultResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['EnrollResult'] = ResolversParentTypes['EnrollResult']> = {
  __resolveType: TypeResolveFn<'Enrollment' | 'PurchaseRequired', ParentType, ContextType>;
};

export type EnrollmentResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Enrollment'] = ResolversParentTypes['Enrollment']> = {
  course?: Resolver<ResolversTypes['Course'], ParentType, ContextType>;
  enrolledAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type EnrollmentConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['EnrollmentConnection'] = ResolversParentTypes['EnrollmentConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['Enrollment']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type LessonResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Lesson'] = ResolversParentTypes['Lesson'], FederationReferenceType extends FederationReferenceTypes['Lesson'] = FederationReferenceTypes['Lesson']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Lesson']> | FederationReferenceType, FederationReferenceType, ContextType>;
  contentItems?: Resolver<Maybe<Array<ResolversTypes['ContentItem']>>, ParentType, ContextType>;
  course?: Resolver<ResolversTypes['Course'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  durationMinutes?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  locked?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  sequenceNumber?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  addLesson?: Resolver<ResolversTypes['Course'], ParentType, ContextType, RequireFields<MutationAddLessonArgs, 'courseId' | 'input'>>;
  createContentItem?: Resolver<ResolversTypes['ContentItem'], ParentType, ContextType, RequireFields<MutationCreateContentItemArgs, 'input'>>;
  createCourse?: Resolver<ResolversTypes['Course'], ParentType, ContextType, RequireFields<MutationCreateCourseArgs, 'input'>>;
  enrollInCourse?: Resolver<ResolversTypes['EnrollResult'], ParentType, ContextType, RequireFields<MutationEnrollInCourseArgs, 'courseId'>>;
  publishContentItem?: Resolver<ResolversTypes['ContentItem'], ParentType, ContextType, RequireFields<MutationPublishContentItemArgs, 'id'>>;
  publishCourse?: Resolver<ResolversTypes['Course'], ParentType, ContextType, RequireFields<MutationPublishCourseArgs, 'id'>>;
  rateContentItem?: Resolver<ResolversTypes['ContentItem'], ParentType, ContextType, RequireFields<MutationRateContentItemArgs, 'id' | 'rating'>>;
  recordContentView?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRecordContentViewArgs, 'id'>>;
  removeContentRating?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRemoveContentRatingArgs, 'id'>>;
  removeLesson?: Resolver<ResolversTypes['Course'], ParentType, ContextType, RequireFields<MutationRemoveLessonArgs, 'id'>>;
  reorderLessons?: Resolver<ResolversTypes['Course'], ParentType, ContextType, RequireFields<MutationReorderLessonsArgs, 'courseId' | 'lessonIds'>>;
  unenrollFromCourse?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationUnenrollFromCourseArgs, 'courseId'>>;
  unpublishContentItem?: Resolver<ResolversTypes['ContentItem'], ParentType, ContextType, RequireFields<MutationUnpublishContentItemArgs, 'id'>>;
  unpublishCourse?: Resolver<ResolversTypes['Course'], ParentType, ContextType, RequireFields<MutationUnpublishCourseArgs, 'id'>>;
  updateContentItem?: Resolver<ResolversTypes['ContentItem'], ParentType, ContextType, RequireFields<MutationUpdateContentItemArgs, 'id' | 'input'>>;
  updateCourse?: Resolver<ResolversTypes['Course'], ParentType, ContextType, RequireFields<MutationUpdateCourseArgs, 'id' | 'input'>>;
  updateLesson?: Resolver<ResolversTypes['Lesson'], ParentType, ContextType, RequireFields<MutationUpdateLessonArgs, 'id' | 'input'>>;
};

export type PageInfoResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type ProblemResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Problem'] = ResolversParentTypes['Problem']> = {
  __resolveType: TypeResolveFn<'PurchaseRequired', ParentType, ContextType>;
};

export type PurchaseRequiredResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['PurchaseRequired'] = ResolversParentTypes['PurchaseRequired']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  course?: Resolver<ResolversTypes['Course'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type QueryResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  contentItem?: Resolver<Maybe<ResolversTypes['ContentItem']>, ParentType, ContextType, RequireFields<QueryContentItemArgs, 'id'>>;
  course?: Resolver<Maybe<ResolversTypes['Course']>, ParentType, ContextType, RequireFields<QueryCourseArgs, 'id'>>;
  courses?: Resolver<ResolversTypes['CourseConnection'], ParentType, ContextType, RequireFields<QueryCoursesArgs, 'first'>>;
  searchContent?: Resolver<ResolversTypes['ContentSearchConnection'], ParentType, ContextType, RequireFields<QuerySearchContentArgs, 'first'>>;
};

export type TrainerResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Trainer'] = ResolversParentTypes['Trainer'], FederationReferenceType extends FederationReferenceTypes['Trainer'] = FederationReferenceTypes['Trainer']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Trainer']> | FederationReferenceType, FederationReferenceType, ContextType>;
  contentItems?: Resolver<Maybe<ResolversTypes['ContentItemConnection']>, ParentType, ContextType, RequireFields<TrainerContentItemsArgs, 'first'>>;
  courses?: Resolver<Maybe<ResolversTypes['CourseConnection']>, ParentType, ContextType, RequireFields<TrainerCoursesArgs, 'first'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type UserResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  enrollments?: Resolver<Maybe<ResolversTypes['EnrollmentConnection']>, ParentType, ContextType, RequireFields<UserEnrollmentsArgs, 'first'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type Resolvers<ContextType = RequestContext> = {
  ContentItem?: ContentItemResolvers<ContextType>;
  ContentItemConnection?: ContentItemConnectionResolvers<ContextType>;
  ContentSearchConnection?: ContentSearchConnectionResolvers<ContextType>;
  ContentSearchResult?: ContentSearchResultResolvers<ContextType>;
  Course?: CourseResolvers<ContextType>;
  CourseConnection?: CourseConnectionResolvers<ContextType>;
  Currency?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  EnrollResult?: EnrollResultResolvers<ContextType>;
  Enrollment?: EnrollmentResolvers<ContextType>;
  EnrollmentConnection?: EnrollmentConnectionResolvers<ContextType>;
  Lesson?: LessonResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Problem?: ProblemResolvers<ContextType>;
  PurchaseRequired?: PurchaseRequiredResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Trainer?: TrainerResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = RequestContext> = {
  cacheControl?: CacheControlDirectiveResolver<any, any, ContextType>;
};
