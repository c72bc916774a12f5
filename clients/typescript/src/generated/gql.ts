/* eslint-disable */
import * as types from './graphql.js';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query CohortMembers($id: ID!, $first: Int, $after: String) {\n  cohort(id: $id) {\n    id\n    name\n    userCount\n    members(first: $first, after: $after) {\n      nodes {\n        id\n        username\n        firstName\n        lastName\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n}": typeof types.CohortMembersDocument,
    "query Cohorts($first: Int, $after: String) {\n  cohorts(first: $first, after: $after) {\n    nodes {\n      id\n      name\n      userCount\n      computedAt\n      updatedAt\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.CohortsDocument,
    "mutation CreateCohort($name: String!, $definition: JSONObject!) {\n  createCohort(name: $name, definition: $definition) {\n    id\n    name\n    userCount\n    computedAt\n  }\n}": typeof types.CreateCohortDocument,
    "query ProductMetrics($from: Date!, $to: Date!, $period: ActivePeriod!, $eventTypes: [String!], $weeks: Int) {\n  productMetrics(from: $from, to: $to) {\n    activeUsers(period: $period) {\n      date\n      activeUsers\n    }\n    eventCounts(eventTypes: $eventTypes) {\n      date\n      eventType\n      count\n    }\n    weeklyRetention(weeks: $weeks) {\n      weekStart\n      size\n      weeks {\n        week\n        activeUsers\n        rate\n      }\n    }\n  }\n}": typeof types.ProductMetricsDocument,
    "mutation RefreshCohort($id: ID!) {\n  refreshCohort(id: $id) {\n    id\n    userCount\n    computedAt\n  }\n}": typeof types.RefreshCohortDocument,
    "mutation TrackEvents($events: [AnalyticsEventInput!]!) {\n  trackEvents(events: $events) {\n    accepted\n    duplicates\n    errors {\n      index\n      field\n      code\n      message\n    }\n  }\n}": typeof types.TrackEventsDocument,
    "mutation UpdateCohort($id: ID!, $name: String, $definition: JSONObject) {\n  updateCohort(id: $id, name: $name, definition: $definition) {\n    id\n    name\n    definition\n    userCount\n    computedAt\n  }\n}": typeof types.UpdateCohortDocument,
    "mutation CancelSubscription($id: ID!, $atPeriodEnd: Boolean) {\n  cancelSubscription(id: $id, atPeriodEnd: $atPeriodEnd) {\n    id\n    status\n    endDate\n    autoRenewal\n    canceledAt\n  }\n}": typeof types.CancelSubscriptionDocument,
    "mutation CreateSubscriptionPlan($input: CreateSubscriptionPlanInput!) {\n  createSubscriptionPlan(input: $input) {\n    id\n    name\n    priceCents\n    currency\n    billingPeriod\n    trialPeriodDays\n    features\n  }\n}": typeof types.CreateSubscriptionPlanDocument,
    "query MyBilling {\n  me {\n    id\n    entitlements\n    activeSubscription {\n      id\n      status\n      isTrial\n      trialEndDate\n      endDate\n      renewalDate\n      autoRenewal\n      canceledAt\n      plan {\n        id\n        name\n      }\n    }\n    subscriptions(first: 10) {\n      nodes {\n        id\n        status\n        startDate\n        endDate\n        plan {\n          name\n        }\n        payments(first: 10) {\n          nodes {\n            id\n            amountCents\n            currency\n            status\n            cardLast4\n            createdAt\n            refundedCents\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}": typeof types.MyBillingDocument,
    "subscription MySubscriptionUpdated {\n  mySubscriptionUpdated {\n    id\n    status\n    startDate\n    endDate\n    plan {\n      id\n      name\n    }\n  }\n}": typeof types.MySubscriptionUpdatedDocument,
    "query PaymentGateways {\n  paymentGateways {\n    gateway\n    currencies\n  }\n}": typeof types.PaymentGatewaysDocument,
    "mutation RefundPayment($paymentId: ID!, $amountCents: Int!, $reason: String) {\n  refundPayment(paymentId: $paymentId, amountCents: $amountCents, reason: $reason) {\n    __typename\n    ... on Problem {\n      code\n      message\n    }\n    ... on RefundIssued {\n      refund {\n        id\n        amountCents\n        status\n      }\n      payment {\n        id\n        status\n        refundedCents\n      }\n    }\n    ... on RefundExceedsPayment {\n      refundableCents\n    }\n  }\n}": typeof types.RefundPaymentDocument,
    "mutation SetAutoRenewal($id: ID!, $enabled: Boolean!) {\n  setAutoRenewal(id: $id, enabled: $enabled) {\n    id\n    autoRenewal\n    renewalDate\n  }\n}": typeof types.SetAutoRenewalDocument,
    "mutation Subscribe($planId: ID!, $paymentMethod: PaymentMethodInput!, $idempotencyKey: String) {\n  subscribe(\n    planId: $planId\n    paymentMethod: $paymentMethod\n    idempotencyKey: $idempotencyKey\n  ) {\n    __typename\n    ... on Problem {\n      code\n      message\n    }\n    ... on SubscriptionStarted {\n      subscription {\n        id\n        status\n        isTrial\n        trialEndDate\n        endDate\n      }\n      payment {\n        id\n        status\n        amountCents\n        currency\n      }\n    }\n    ... on AlreadySubscribed {\n      subscription {\n        id\n        status\n      }\n    }\n    ... on CurrencyNotSupported {\n      supportedCurrencies\n    }\n  }\n}": typeof types.SubscribeDocument,
    "query SubscriptionPlans($first: Int, $after: String) {\n  subscriptionPlans(first: $first, after: $after) {\n    nodes {\n      id\n      name\n      description\n      priceCents\n      currency\n      billingPeriod\n      trialPeriodDays\n      features\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.SubscriptionPlansDocument,
    "mutation AddLesson($courseId: ID!, $input: AddLessonInput!) {\n  addLesson(courseId: $courseId, input: $input) {\n    id\n    lessons {\n      id\n      sequenceNumber\n      title\n    }\n  }\n}": typeof types.AddLessonDocument,
    "query ContentItem($id: ID!) {\n  contentItem(id: $id) {\n    id\n    type\n    title\n    description\n    contentUrl\n    tags\n    isPublished\n    rating\n    myRating\n  }\n}": typeof types.ContentItemDocument,
    "query Course($id: ID!) {\n  course(id: $id) {\n    id\n    name\n    description\n    isFree\n    priceCents\n    hasAccess\n    isEnrolled\n    lessons {\n      id\n      sequenceNumber\n      title\n      durationMinutes\n      locked\n      contentItems {\n        id\n        type\n        title\n        contentUrl\n      }\n    }\n  }\n}": typeof types.CourseDocument,
    "query CourseCatalogue($filter: CourseFilter, $first: Int, $after: String) {\n  courses(filter: $filter, first: $first, after: $after) {\n    nodes {\n      id\n      name\n      coverImageUrl\n      difficulty\n      isFree\n      priceCents\n      enrollmentsCount\n      creator {\n        id\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.CourseCatalogueDocument,
    "mutation CreateContentItem($input: CreateContentItemInput!) {\n  createContentItem(input: $input) {\n    id\n    isPublished\n  }\n}": typeof types.CreateContentItemDocument,
    "mutation CreateCourse($input: CreateCourseInput!) {\n  createCourse(input: $input) {\n    id\n  }\n}": typeof types.CreateCourseDocument,
    "mutation EnrollInCourse($courseId: ID!) {\n  enrollInCourse(courseId: $courseId) {\n    __typename\n    ... on Problem {\n      code\n      message\n    }\n    ... on Enrollment {\n      enrolledAt\n      course {\n        id\n        enrollmentsCount\n      }\n    }\n    ... on PurchaseRequired {\n      course {\n        id\n        priceCents\n      }\n    }\n  }\n}": typeof types.EnrollInCourseDocument,
    "query MyEnrollments($first: Int, $after: String) {\n  me {\n    id\n    enrollments(first: $first, after: $after) {\n      nodes {\n        enrolledAt\n        course {\n          id\n          name\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}": typeof types.MyEnrollmentsDocument,
    "mutation PublishContentItem($id: ID!) {\n  publishContentItem(id: $id) {\n    id\n    isPublished\n  }\n}": typeof types.PublishContentItemDocument,
    "mutation RateContentItem($id: ID!, $rating: Int!) {\n  rateContentItem(id: $id, rating: $rating) {\n    id\n    rating\n    ratingsCount\n    myRating\n  }\n}": typeof types.RateContentItemDocument,
    "mutation RecordContentView($id: ID!) {\n  recordContentView(id: $id)\n}": typeof types.RecordContentViewDocument,
    "mutation ReorderLessons($courseId: ID!, $lessonIds: [ID!]!) {\n  reorderLessons(courseId: $courseId, lessonIds: $lessonIds) {\n    id\n    lessons {\n      id\n      sequenceNumber\n      title\n    }\n  }\n}": typeof types.ReorderLessonsDocument,
    "query SearchContent($query: String, $type: ContentType, $difficulty: Difficulty, $tags: [String!], $first: Int, $after: String) {\n  searchContent(\n    query: $query\n    type: $type\n    difficulty: $difficulty\n    tags: $tags\n    first: $first\n    after: $after\n  ) {\n    nodes {\n      rank\n      snippet\n      item {\n        id\n        type\n        title\n        thumbnailUrl\n        difficulty\n        language\n        viewCount\n        rating\n        ratingsCount\n        creator {\n          id\n        }\n        courses {\n          id\n          name\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.SearchContentDocument,
    "query AthleteDashboard($week: LocalDateRange!, $month: LocalDateRange!) {\n  me {\n    id\n    timeZone\n    stepsWeek: healthSeries(\n      metricType: STEPS\n      days: $week\n      bucket: DAY\n      includeEmpty: true\n    ) {\n      start\n      count\n      sum\n    }\n    stepsMonth: healthSeries(\n      metricType: STEPS\n      days: $month\n      bucket: DAY\n      includeEmpty: true\n    ) {\n      start\n      count\n      sum\n    }\n    heartRate: healthSeries(\n      metricType: HEART_RATE\n      days: $month\n      bucket: DAY\n      includeEmpty: true\n    ) {\n      start\n      count\n      min\n    }\n    weight: healthSeries(\n      metricType: WEIGHT\n      days: $month\n      bucket: DAY\n      includeEmpty: true\n    ) {\n      start\n      count\n      avg\n    }\n    sleep: healthSeries(\n      metricType: SLEEP\n      days: $week\n      bucket: DAY\n      includeEmpty: true\n    ) {\n      start\n      count\n      sum\n    }\n    healthGoals {\n      nodes {\n        id\n        metricType\n        targetValue\n        unit\n      }\n    }\n    latestHealthMetrics {\n      metricType\n      value\n      unit\n    }\n  }\n}": typeof types.AthleteDashboardDocument,
    "mutation CompleteHealthIntegration($provider: HealthProvider!, $code: String!, $state: String!, $flowSecret: String) {\n  completeHealthIntegration(\n    provider: $provider\n    code: $code\n    state: $state\n    flowSecret: $flowSecret\n  ) {\n    __typename\n    ... on Problem {\n      code\n      message\n    }\n    ... on HealthIntegrationConnected {\n      integration {\n        id\n        provider\n        isActive\n        backfill {\n          from\n          until\n          percent\n          done\n        }\n      }\n    }\n    ... on HealthIntegrationFailed {\n      reason\n    }\n  }\n}": typeof types.CompleteHealthIntegrationDocument,
    "mutation ConnectHealthIntegration($input: ConnectHealthIntegrationInput!) {\n  connectHealthIntegration(input: $input) {\n    id\n    provider\n    isActive\n  }\n}": typeof types.ConnectHealthIntegrationDocument,
    "mutation CreateHealthGoal($input: CreateHealthGoalInput!) {\n  createHealthGoal(input: $input) {\n    id\n    progress {\n      currentValue\n      percent\n      onTrack\n    }\n  }\n}": typeof types.CreateHealthGoalDocument,
    "query DailySteps($from: DateTime!, $to: DateTime!, $timeZone: TimeZone) {\n  me {\n    id\n    healthSeries(\n      metricType: STEPS\n      from: $from\n      to: $to\n      bucket: DAY\n      timeZone: $timeZone\n    ) {\n      start\n      count\n      sum\n    }\n  }\n}": typeof types.DailyStepsDocument,
    "mutation DeactivateHealthGoal($id: ID!) {\n  deactivateHealthGoal(id: $id) {\n    id\n    isActive\n  }\n}": typeof types.DeactivateHealthGoalDocument,
    "mutation DisconnectHealthIntegration($provider: HealthProvider!) {\n  disconnectHealthIntegration(provider: $provider)\n}": typeof types.DisconnectHealthIntegrationDocument,
    "query HealthDashboard {\n  me {\n    id\n    latestHealthMetrics {\n      metricType\n      value\n      unit\n      recordedAt\n    }\n    healthGoals {\n      nodes {\n        id\n        metricType\n        targetValue\n        unit\n        startDate\n        endDate\n        progress {\n          currentValue\n          percent\n          onTrack\n        }\n      }\n    }\n    healthIntegrations {\n      provider\n      isActive\n      needsReconnect\n      inactiveReason\n      lastSyncAt\n      lastError\n      backfill {\n        percent\n        done\n      }\n    }\n  }\n}": typeof types.HealthDashboardDocument,
    "query HealthMetrics($metricType: HealthMetricType, $from: DateTime, $to: DateTime, $first: Int, $after: String) {\n  me {\n    id\n    healthMetrics(\n      metricType: $metricType\n      from: $from\n      to: $to\n      first: $first\n      after: $after\n    ) {\n      nodes {\n        id\n        metricType\n        value\n        unit\n        source\n        sourceDevice\n        recordedAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}": typeof types.HealthMetricsDocument,
    "subscription HealthMetricsRecorded($userId: ID) {\n  healthMetricsRecorded(userId: $userId) {\n    accepted\n    from\n    to\n    recordedAt\n    user {\n      id\n      username\n    }\n  }\n}": typeof types.HealthMetricsRecordedDocument,
    "query HealthSourcePriorities($metricTypes: [HealthMetricType!]) {\n  me {\n    id\n    healthSourcePriorities(metricTypes: $metricTypes) {\n      metricType\n      sources\n      isDefault\n    }\n  }\n}": typeof types.HealthSourcePrioritiesDocument,
    "query HealthSyncState {\n  me {\n    id\n    healthSyncState {\n      source\n      anchor\n      updatedAt\n    }\n  }\n}": typeof types.HealthSyncStateDocument,
    "query HeartRateByHour($from: DateTime!, $to: DateTime!, $timeZone: TimeZone) {\n  me {\n    id\n    healthSeries(\n      metricType: HEART_RATE\n      from: $from\n      to: $to\n      bucket: HOUR\n      timeZone: $timeZone\n    ) {\n      start\n      avg\n      min\n      max\n    }\n  }\n}": typeof types.HeartRateByHourDocument,
    "mutation RecordHealthMetrics($input: [HealthMetricInput!]!) {\n  recordHealthMetrics(input: $input) {\n    accepted\n    duplicates\n    errors {\n      index\n      field\n      code\n      message\n    }\n  }\n}": typeof types.RecordHealthMetricsDocument,
    "mutation SetHealthSourcePriority($metricType: HealthMetricType!, $sources: [HealthMetricSource!]!) {\n  setHealthSourcePriority(metricType: $metricType, sources: $sources) {\n    metricType\n    sources\n    isDefault\n  }\n}": typeof types.SetHealthSourcePriorityDocument,
    "mutation StartHealthIntegration($provider: HealthProvider!, $redirectUri: String!, $client: OAuthClient) {\n  startHealthIntegration(\n    provider: $provider\n    redirectUri: $redirectUri\n    client: $client\n  ) {\n    authorizationUrl\n    state\n    flowSecret\n    expiresAt\n  }\n}": typeof types.StartHealthIntegrationDocument,
    "mutation SyncDeviceHealthData($input: SyncDeviceHealthDataInput!) {\n  syncDeviceHealthData(input: $input) {\n    __typename\n    ... on DeviceHealthDataSynced {\n      source\n      anchor\n      accepted\n      duplicates\n      retracted\n      errors {\n        index\n        field\n        code\n        reason\n        message\n      }\n    }\n    ... on HealthSyncAnchorStale {\n      source\n      currentAnchor\n      code\n      message\n    }\n  }\n}": typeof types.SyncDeviceHealthDataDocument,
    "mutation UpdateHealthGoal($id: ID!, $input: UpdateHealthGoalInput!) {\n  updateHealthGoal(id: $id, input: $input) {\n    id\n    targetValue\n    startDate\n    endDate\n  }\n}": typeof types.UpdateHealthGoalDocument,
    "mutation ChangePassword($input: ChangePasswordInput!) {\n  changePassword(input: $input) {\n    __typename\n    ... on Problem {\n      code\n      message\n    }\n    ... on PasswordChanged {\n      revokedSessions\n    }\n    ... on WeakPassword {\n      reasons\n    }\n  }\n}": typeof types.ChangePasswordDocument,
    "mutation CompleteTwoFactorSignIn($input: CompleteTwoFactorSignInInput!, $session: SessionDelivery = TOKEN) {\n  completeTwoFactorSignIn(input: $input, session: $session) {\n    __typename\n    ... on Problem {\n      code\n      message\n    }\n    ... on AuthSuccess {\n      token\n      expiresAt\n      user {\n        id\n      }\n    }\n    ... on TooManyAttempts {\n      retryAfterSeconds\n    }\n  }\n}": typeof types.CompleteTwoFactorSignInDocument,
    "mutation ConfirmTwoFactor($code: String!) {\n  confirmTwoFactor(code: $code) {\n    __typename\n    ... on Problem {\n      code\n      message\n    }\n    ... on TwoFactorEnabled {\n      recoveryCodes\n    }\n    ... on TooManyAttempts {\n      retryAfterSeconds\n    }\n  }\n}": typeof types.ConfirmTwoFactorDocument,
    "mutation DeactivateUser($userId: ID!, $reason: String) {\n  deactivateUser(userId: $userId, reason: $reason) {\n    id\n    isActive\n  }\n}": typeof types.DeactivateUserDocument,
    "mutation DeleteMyAccount($password: String!) {\n  deleteMyAccount(password: $password) {\n    __typename\n    ... on Problem {\n      code\n      message\n    }\n    ... on AccountDeleted {\n      deletedAt\n    }\n  }\n}": typeof types.DeleteMyAccountDocument,
    "mutation DisableTwoFactor($input: DisableTwoFactorInput!) {\n  disableTwoFactor(input: $input) {\n    __typename\n    ... on Problem {\n      code\n      message\n    }\n    ... on TwoFactorDisabled {\n      user {\n        twoFactorEnabled\n      }\n    }\n    ... on TooManyAttempts {\n      retryAfterSeconds\n    }\n  }\n}": typeof types.DisableTwoFactorDocument,
    "mutation EnrollTwoFactor {\n  enrollTwoFactor {\n    otpauthUri\n    secret\n  }\n}": typeof types.EnrollTwoFactorDocument,
    "query ExportMyData {\n  exportMyData\n}": typeof types.ExportMyDataDocument,
    "query LinkedAccounts {\n  linkedAccounts {\n    provider\n    emailFromProvider\n    linkedAt\n  }\n}": typeof types.LinkedAccountsDocument,
    "query Me {\n  me {\n    id\n    username\n    email\n    firstName\n    lastName\n    roles\n    createdAt\n  }\n}": typeof types.MeDocument,
    "mutation OAuthCallback($provider: OAuthProvider!, $code: String!, $state: String!, $flowSecret: String) {\n  oauthCallback(\n    provider: $provider\n    code: $code\n    state: $state\n    flowSecret: $flowSecret\n  ) {\n    __typename\n    ... on Problem {\n      code\n      message\n    }\n    ... on AuthSuccess {\n      token\n      expiresAt\n      user {\n        id\n        username\n      }\n    }\n    ... on TwoFactorRequired {\n      challenge\n      expiresAt\n    }\n    ... on ProviderLinked {\n      linkedAccount {\n        provider\n        emailFromProvider\n        linkedAt\n      }\n    }\n    ... on OAuthFailed {\n      reason\n    }\n  }\n}": typeof types.OAuthCallbackDocument,
    "mutation OAuthStart($provider: OAuthProvider!, $redirectUri: String!, $client: OAuthClient) {\n  oauthStart(provider: $provider, redirectUri: $redirectUri, client: $client) {\n    authorizationUrl\n    state\n    flowSecret\n    expiresAt\n  }\n}": typeof types.OAuthStartDocument,
    "mutation ReactivateUser($userId: ID!, $reason: String) {\n  reactivateUser(userId: $userId, reason: $reason) {\n    id\n    isActive\n  }\n}": typeof types.ReactivateUserDocument,
    "mutation RequestEmailVerification {\n  requestEmailVerification\n}": typeof types.RequestEmailVerificationDocument,
    "mutation RequestPasswordReset($email: EmailAddress!) {\n  requestPasswordReset(email: $email)\n}": typeof types.RequestPasswordResetDocument,
    "mutation ResetPassword($input: ResetPasswordInput!) {\n  resetPassword(input: $input) {\n    __typename\n    ... on Problem {\n      code\n      message\n    }\n    ... on PasswordReset {\n      revokedSessions\n    }\n    ... on WeakPassword {\n      reasons\n    }\n  }\n}": typeof types.ResetPasswordDocument,
    "query SearchUsers($prefix: String, $first: Int, $after: String) {\n  searchUsers(prefix: $prefix, first: $first, after: $after) {\n    nodes {\n      id\n      username\n      email\n      isActive\n      createdAt\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.SearchUsersDocument,
    "mutation SignIn($input: SignInInput!, $session: SessionDelivery = TOKEN) {\n  signIn(input: $input, session: $session) {\n    __typename\n    ... on Problem {\n      code\n      message\n    }\n    ... on AuthSuccess {\n      token\n      expiresAt\n      user {\n        id\n        username\n      }\n    }\n    ... on TooManyAttempts {\n      retryAfterSeconds\n    }\n    ... on TwoFactorRequired {\n      challenge\n      expiresAt\n    }\n  }\n}": typeof types.SignInDocument,
    "mutation SignOut {\n  signOut\n}": typeof types.SignOutDocument,
    "mutation SignUp($input: SignUpInput!, $session: SessionDelivery = TOKEN) {\n  signUp(input: $input, session: $session) {\n    __typename\n    ... on Problem {\n      code\n      message\n    }\n    ... on AuthSuccess {\n      token\n      expiresAt\n      user {\n        id\n        username\n        email\n      }\n    }\n    ... on WeakPassword {\n      reasons\n    }\n    ... on TooManyAttempts {\n      retryAfterSeconds\n    }\n  }\n}": typeof types.SignUpDocument,
    "mutation UnlinkProvider($provider: OAuthProvider!) {\n  unlinkProvider(provider: $provider) {\n    __typename\n    ... on Problem {\n      code\n      message\n    }\n    ... on ProviderUnlinked {\n      linkedAccounts {\n        provider\n      }\n    }\n  }\n}": typeof types.UnlinkProviderDocument,
    "mutation UpdateProfile($input: UpdateProfileInput!) {\n  updateProfile(input: $input) {\n    id\n    firstName\n    lastName\n    dateOfBirth\n    gender\n    countryCode\n    username\n  }\n}": typeof types.UpdateProfileDocument,
    "mutation VerifyEmail($token: String!) {\n  verifyEmail(token: $token) {\n    __typename\n    ... on Problem {\n      code\n      message\n    }\n    ... on EmailVerified {\n      user {\n        id\n        emailVerified\n      }\n    }\n  }\n}": typeof types.VerifyEmailDocument,
    "query Viewer {\n  me {\n    id\n    username\n    email\n    timeZone\n    roles\n    trainer {\n      id\n      verified\n    }\n  }\n}": typeof types.ViewerDocument,
    "mutation AddWorkoutPlanExercise($workoutPlanId: ID!, $input: AddWorkoutPlanExerciseInput!) {\n  addWorkoutPlanExercise(workoutPlanId: $workoutPlanId, input: $input) {\n    ...PlanDetails\n  }\n}": typeof types.AddWorkoutPlanExerciseDocument,
    "mutation ApplyAsTrainer($input: ApplyAsTrainerInput!) {\n  applyAsTrainer(input: $input) {\n    id\n    verified\n  }\n}": typeof types.ApplyAsTrainerDocument,
    "mutation CompleteWorkoutSession($id: ID!, $input: CompleteWorkoutSessionInput!) {\n  completeWorkoutSession(id: $id, input: $input) {\n    id\n    status\n    completedAt\n    durationSeconds\n    intensityLevel\n  }\n}": typeof types.CompleteWorkoutSessionDocument,
    "mutation CreateHabit($input: CreateHabitInput!) {\n  createHabit(input: $input) {\n    id\n    name\n    frequencyPerWeek\n    streakUnit\n    currentStreak\n    bestStreak\n  }\n}": typeof types.CreateHabitDocument,
    "mutation CreateWorkoutPlan($input: CreateWorkoutPlanInput!) {\n  createWorkoutPlan(input: $input) {\n    ...PlanDetails\n  }\n}": typeof types.CreateWorkoutPlanDocument,
    "query ExerciseCatalogue($filter: ExerciseFilter, $first: Int, $after: String) {\n  exercises(filter: $filter, first: $first, after: $after) {\n    nodes {\n      id\n      name\n      category\n      difficulty\n      equipment\n      muscleGroups\n      videoUrl\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.ExerciseCatalogueDocument,
    "mutation LogHabit($input: LogHabitInput!) {\n  logHabit(input: $input) {\n    id\n    loggedDate\n    value\n    completed\n  }\n}": typeof types.LogHabitDocument,
    "query MyHabits($from: Date!, $to: Date!, $first: Int, $after: String) {\n  me {\n    id\n    trainer {\n      id\n    }\n    habits(first: $first, after: $after) {\n      nodes {\n        id\n        name\n        unit\n        targetValue\n        frequencyPerWeek\n        streakUnit\n        currentStreak\n        bestStreak\n        completionRate(from: $from, to: $to)\n        logs(from: $from, to: $to) {\n          loggedDate\n          value\n          completed\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n}": typeof types.MyHabitsDocument,
    "query MyWorkoutSessions($filter: WorkoutSessionFilter, $first: Int, $after: String) {\n  me {\n    id\n    workoutSessions(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        status\n        startedAt\n        durationSeconds\n        workoutPlan {\n          id\n          name\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}": typeof types.MyWorkoutSessionsDocument,
    "fragment PlanDetails on WorkoutPlan {\n  id\n  name\n  description\n  difficulty\n  durationWeeks\n  targetAudience\n  version\n  isPublished\n  hasUnpublishedChanges\n  publishedAt\n  trainer {\n    id\n  }\n  exercises {\n    id\n    sequenceNumber\n    sets\n    reps\n    weightKg\n    restSeconds\n    exercise {\n      id\n      name\n    }\n  }\n}": typeof types.PlanDetailsFragmentDoc,
    "mutation PublishWorkoutPlan($id: ID!) {\n  publishWorkoutPlan(id: $id) {\n    ...PlanDetails\n  }\n}": typeof types.PublishWorkoutPlanDocument,
    "mutation ReorderWorkoutPlanExercises($workoutPlanId: ID!, $exerciseIds: [ID!]!) {\n  reorderWorkoutPlanExercises(\n    workoutPlanId: $workoutPlanId\n    exerciseIds: $exerciseIds\n  ) {\n    ...PlanDetails\n  }\n}": typeof types.ReorderWorkoutPlanExercisesDocument,
    "mutation StartWorkoutSession($input: StartWorkoutSessionInput!) {\n  startWorkoutSession(input: $input) {\n    id\n    status\n    startedAt\n    workoutPlanVersion {\n      version\n      name\n    }\n  }\n}": typeof types.StartWorkoutSessionDocument,
    "query TrainerDashboard($days: LocalDateRange!) {\n  me {\n    id\n    trainer {\n      id\n      clients(first: 20) {\n        nodes {\n          id\n          startedAt\n          user {\n            id\n            username\n            firstName\n            lastName\n          }\n          activePlan {\n            id\n            name\n          }\n          steps: healthSeries(\n            metricType: STEPS\n            days: $days\n            bucket: DAY\n            includeEmpty: true\n          ) {\n            start\n            sum\n          }\n          habits(first: 10) {\n            nodes {\n              id\n              name\n              currentStreak\n              bestStreak\n              streakUnit\n            }\n          }\n        }\n      }\n    }\n  }\n}": typeof types.TrainerDashboardDocument,
    "mutation VerifyTrainer($trainerId: ID!) {\n  verifyTrainer(trainerId: $trainerId) {\n    id\n    verified\n    verifiedAt\n  }\n}": typeof types.VerifyTrainerDocument,
    "query WorkoutPlanCatalogue($filter: WorkoutPlanFilter, $first: Int, $after: String) {\n  workoutPlans(filter: $filter, first: $first, after: $after) {\n    nodes {\n      ...PlanDetails\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.WorkoutPlanCatalogueDocument,
    "subscription WorkoutSessionUpdated($userId: ID) {\n  workoutSessionUpdated(userId: $userId) {\n    id\n    status\n    startedAt\n    completedAt\n    durationSeconds\n    intensityLevel\n    user {\n      id\n      username\n    }\n  }\n}": typeof types.WorkoutSessionUpdatedDocument,
};
const documents: Documents = {
    "query CohortMembers($id: ID!, $first: Int, $after: String) {\n  cohort(id: $id) {\n    id\n    name\n    userCount\n    members(first: $first, after: $after) {\n      nodes {\n        id\n        username\n        firstName\n        lastName\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n}": types.CohortMembersDocument,
    "query Cohorts($first: Int, $after: String) {\n  cohorts(first: $first, after: $after) {\n    nodes {\n      id\n      name\n      userCount\n      computedAt\n      updatedAt\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.CohortsDocument,
    "mutation CreateCohort($name: String!, $definition: JSONObject!) {\n  createCohort(name: $name, definition: $definition) {\n    id\n    name\n    userCount\n    computedAt\n  }\n}": types.CreateCohortDocument,
    "query ProductMetrics($from: Date!, $to: Date!, $period: ActivePeriod!, $eventTypes: [String!], $weeks: Int) {\n  productMetrics(from: $from, to: $to) {\n    activeUsers(period: $period) {\n      date\n      activeUsers\n    }\n    eventCounts(eventTypes: $eventTypes) {\n      date\n      eventType\n      count\n    }\n    weeklyRetention(weeks: $weeks) {\n      weekStart\n      size\n      weeks {\n        week\n        activeUsers\n        rate\n      }\n    }\n  }\n}": types.ProductMetricsDocument,
    "mutation RefreshCohort($id: ID!) {\n  refreshCohort(id: $id) {\n    id\n    userCount\n    computedAt\n  }\n}": types.RefreshCohortDocument,
    "mutation TrackEvents($events: [AnalyticsEventInput!]!) {\n  trackEvents(events: $events) {\n    accepted\n    duplicates\n    errors {\n      index\n      field\n      code\n      message\n    }\n  }\n}": types.TrackEventsDocument,
    "mutation UpdateCohort($id: ID!, $name: String, $definition: JSONObject) {\n  updateCohort(id: $id, name: $name, definition: $definition) {\n    id\n    name\n    definition\n    userCount\n    computedAt\n  }\n}": types.UpdateCohortDocument,
    "mutation CancelSubscription($id: ID!, $atPeriodEnd: Boolean) {\n  cancelSubscription(id: $id, atPeriodEnd: $atPeriodEnd) {\n    id\n    status\n    endDate\n    autoRenewal\n    canceledAt\n  }\n}": types.CancelSubscriptionDocument,
    "mutation CreateSubscriptionPlan($input: CreateSubscriptionPlanInput!) {\n  createSubscriptionPlan(input: $input) {\n    id\n    name\n    priceCents\n    currency\n    billingPeriod\n    trialPeriodDays\n    features\n  }\n}": types.CreateSubscriptionPlanDocument,
    "query MyBilling {\n  me {\n    id\n    entitlements\n    activeSubscription {\n      id\n      status\n      isTrial\n      trialEndDate\n      endDate\n      renewalDate\n      autoRenewal\n      canceledAt\n      plan {\n        id\n        name\n      }\n    }\n    subscriptions(first: 10) {\n      nodes {\n        id\n        status\n        startDate\n        endDate\n        plan {\n          name\n        }\n        payments(first: 10) {\n          nodes {\n            id\n            amountCents\n            currency\n            status\n            cardLast4\n            createdAt\n            refundedCents\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}": types.MyBillingDocument,
    "subscription MySubscriptionUpdated {\n  mySubscriptionUpdated {\n    id\n    status\n    startDate\n    endDate\n    plan {\n      id\n      name\n    }\n  }\n}": types.MySubscriptionUpdatedDocument,
    "query PaymentGateways {\n  paymentGateways {\n    gateway\n    currencies\n  }\n}": types.PaymentGatewaysDocument,
    "mutation RefundPayment($paymentId: ID!, $amountCents: Int!, $reason: String) {\n  refundPayment(paymentId: $paymentId, amountCents: $amountCents, reason: $reason) {\n    __typename\n    ... on Problem {\n      code\n      message\n    }\n    ... on RefundIssued {\n      refund {\n        id\n        amountCents\n        status\n      }\n      payment {\n        id\n        status\n        refundedCents\n      }\n    }\n    ... on RefundExceedsPayment {\n      refundableCents\n    }\n  }\n}": types.RefundPaymentDocument,
    "mutation SetAutoRenewal($id: ID!, $enabled: Boolean!) {\n  setAutoRenewal(id: $id, enabled: $enabled) {\n    id\n    autoRenewal\n    renewalDate\n  }\n}": types.SetAutoRenewalDocument,
    "mutation Subscribe($planId: ID!, $paymentMethod: PaymentMethodInput!, $idempotencyKey: String) {\n  subscribe(\n    planId: $planId\n    paymentMethod: $paymentMethod\n    idempotencyKey: $idempotencyKey\n  ) {\n    __typename\n    ... on Problem {\n      code\n      message\n    }\n    ... on SubscriptionStarted {\n      subscription {\n        id\n        status\n        isTrial\n        trialEndDate\n        endDate\n      }\n      payment {\n        id\n        status\n        amountCents\n        currency\n      }\n    }\n    ... on AlreadySubscribed {\n      subscription {\n        id\n        status\n      }\n    }\n    ... on CurrencyNotSupported {\n      supportedCurrencies\n    }\n  }\n}": types.SubscribeDocument,
    "query SubscriptionPlans($first: Int, $after: String) {\n  subscriptionPlans(first: $first, after: $after) {\n    nodes {\n      id\n      name\n      description\n      priceCents\n      currency\n      billingPeriod\n      trialPeriodDays\n      features\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.SubscriptionPlansDocument,
    "mutation AddLesson($courseId: ID!, $input: AddLessonInput!) {\n  addLesson(courseId: $courseId, input: $input) {\n    id\n    lessons {\n      id\n      sequenceNumber\n      title\n    }\n  }\n}": types.AddLessonDocument,
    "query ContentItem($id: ID!) {\n  contentItem(id: $id) {\n    id\n    type\n    title\n    description\n    contentUrl\n    tags\n    isPublished\n    rating\n    myRating\n  }\n}": types.ContentItemDocument,
    "query Course($id: ID!) {\n  course(id: $id) {\n    id\n    name\n    description\n    isFree\n    priceCents\n    hasAccess\n    isEnrolled\n    lessons {\n      id\n      sequenceNumber\n      title\n      durationMinutes\n      locked\n      contentItems {\n        id\n        type\n        title\n        contentUrl\n      }\n    }\n  }\n}": types.CourseDocument,
    "query CourseCatalogue($filter: CourseFilter, $first: Int, $after: String) {\n  courses(filter: $filter, first: $first, after: $after) {\n    nodes {\n      id\n      name\n      coverImageUrl\n      difficulty\n      isFree\n      priceCents\n      enrollmentsCount\n      creator {\n        id\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.CourseCatalogueDocument,
    "mutation CreateContentItem($input: CreateContentItemInput!) {\n  createContentItem(input: $input) {\n    id\n    isPublished\n  }\n}": types.CreateContentItemDocument,
    "mutation CreateCourse($input: CreateCourseInput!) {\n  createCourse(input: $input) {\n    id\n  }\n}": types.CreateCourseDocument,
    "mutation EnrollInCourse($courseId: ID!) {\n  enrollInCourse(courseId: $courseId) {\n    __typename\n    ... on Problem {\n      code\n      message\n    }\n    ... on Enrollment {\n      enrolledAt\n      course {\n        id\n        enrollmentsCount\n      }\n    }\n    ... on PurchaseRequired {\n      course {\n        id\n        priceCents\n      }\n    }\n  }\n}": types.EnrollInCourseDocument,
    "query MyEnrollments($first: Int, $after: String) {\n  me {\n    id\n    enrollments(first: $first, after: $after) {\n      nodes {\n        enrolledAt\n        course {\n          id\n          name\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}": types.MyEnrollmentsDocument,
    "mutation PublishContentItem($id: ID!) {\n  publishContentItem(id: $id) {\n    id\n    isPublished\n  }\n}": types.PublishContentItemDocument,
    "mutation RateContentItem($id: ID!, $rating: Int!) {\n  rateContentItem(id: $id, rating: $rating) {\n    id\n    rating\n    ratingsCount\n    myRating\n  }\n}": types.RateContentItemDocument,
    "mutation RecordContentView($id: ID!) {\n  recordContentView(id: $id)\n}": types.RecordContentViewDocument,
    "mutation ReorderLessons($courseId: ID!, $lessonIds: [ID!]!) {\n  reorderLessons(courseId: $courseId, lessonIds: $lessonIds) {\n    id\n    lessons {\n      id\n      sequenceNumber\n      title\n    }\n  }\n}": types.ReorderLessonsDocument,
    "query SearchContent($query: String, $type: ContentType, $difficulty: Difficulty, $tags: [String!], $first: Int, $after: String) {\n  searchContent(\n    query: $query\n    type: $type\n    difficulty: $difficulty\n    tags: $tags\n    first: $first\n    after: $after\n  ) {\n    nodes {\n      rank\n      snippet\n      item {\n        id\n        type\n        title\n        thumbnailUrl\n        difficulty\n        language\n        viewCount\n        rating\n        ratingsCount\n        creator {\n          id\n        }\n        courses {\n          id\n          name\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.SearchContentDocument,
    "query AthleteDashboard($week: LocalDateRange!, $month: LocalDateRange!) {\n  me {\n    id\n    timeZone\n    stepsWeek: healthSeries(\n      metricType: STEPS\n      days: $week\n      bucket: DAY\n      includeEmpty: true\n    ) {\n      start\n      count\n      sum\n    }\n    stepsMonth: healthSeries(\n      metricType: STEPS\n      days: $month\n      bucket: DAY\n      includeEmpty: true\n    ) {\n      start\n      count\n      sum\n    }\n    heartRate: healthSeries(\n      metricType: HEART_RATE\n      days: $month\n      bucket: DAY\n      includeEmpty: true\n    ) {\n      start\n      count\n      min\n    }\n    weight: healthSeries(\n      metricType: WEIGHT\n      days: $month\n      bucket: DAY\n      includeEmpty: true\n    ) {\n      start\n      count\n      avg\n    }\n    sleep: healthSeries(\n      metricType: SLEEP\n      days: $week\n      bucket: DAY\n      includeEmpty: true\n    ) {\n      start\n      count\n      sum\n    }\n    healthGoals {\n      nodes {\n        id\n        metricType\n        targetValue\n        unit\n      }\n    }\n    latestHealthMetrics {\n      metricType\n      value\n      unit\n    }\n  }\n}": types.AthleteDashboardDocument,
    "mutation CompleteHealthIntegration($provider: HealthProvider!, $code: String!, $state: String!, $flowSecret: String) {\n  completeHealthIntegration(\n    provider: $provider\n    code: $code\n    state: $state\n    flowSecret: $flowSecret\n  ) {\n    __typename\n    ... on Problem {\n      code\n      message\n    }\n    ... on HealthIntegrationConnected {\n      integration {\n        id\n        provider\n        isActive\n        backfill {\n          from\n          until\n          percent\n          done\n        }\n      }\n    }\n    ... on HealthIntegrationFailed {\n      reason\n    }\n  }\n}": types.CompleteHealthIntegrationDocument,
    "mutation ConnectHealthIntegration($input: ConnectHealthIntegrationInput!) {\n  connectHealthIntegration(input: $input) {\n    id\n    provider\n    isActive\n  }\n}": types.ConnectHealthIntegrationDocument,
    "mutation CreateHealthGoal($input: CreateHealthGoalInput!) {\n  createHealthGoal(input: $input) {\n    id\n    progress {\n      currentValue\n      percent\n      onTrack\n    }\n  }\n}": types.CreateHealthGoalDocument,
    "query DailySteps($from: DateTime!, $to: DateTime!, $timeZone: TimeZone) {\n  me {\n    id\n    healthSeries(\n      metricType: STEPS\n      from: $from\n      to: $to\n      bucket: DAY\n      timeZone: $timeZone\n    ) {\n      start\n      count\n      sum\n    }\n  }\n}": types.DailyStepsDocument,
    "mutation DeactivateHealthGoal($id: ID!) {\n  deactivateHealthGoal(id: $id) {\n    id\n    isActive\n  }\n}": types.DeactivateHealthGoalDocument,
    "mutation DisconnectHealthIntegration($provider: HealthProvider!) {\n  disconnectHealthIntegration(provider: $provider)\n}": types.DisconnectHealthIntegrationDocument,
    "query HealthDashboard {\n  me {\n    id\n    latestHealthMetrics {\n      metricType\n      value\n      unit\n      recordedAt\n    }\n    healthGoals {\n      nodes {\n        id\n        metricType\n        targetValue\n        unit\n        startDate\n        endDate\n        progress {\n          currentValue\n          percent\n          onTrack\n        }\n      }\n    }\n    healthIntegrations {\n      provider\n      isActive\n      needsReconnect\n      inactiveReason\n      lastSyncAt\n      lastError\n      backfill {\n        percent\n        done\n      }\n    }\n  }\n}": types.HealthDashboardDocument,
    "query HealthMetrics($metricType: HealthMetricType, $from: DateTime, $to: DateTime, $first: Int, $after: String) {\n  me {\n    id\n    healthMetrics(\n      metricType: $metricType\n      from: $from\n      to: $to\n      first: $first\n      after: $after\n    ) {\n      nodes {\n        id\n        metricType\n        value\n        unit\n        source\n        sourceDevice\n        recordedAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}": types.HealthMetricsDocument,
    "subscription HealthMetricsRecorded($userId: ID) {\n  healthMetricsRecorded(userId: $userId) {\n    accepted\n    from\n    to\n    recordedAt\n    user {\n      id\n      username\n    }\n  }\n}": types.HealthMetricsRecordedDocument,
    "query HealthSourcePriorities($metricTypes: [HealthMetricType!]) {\n  me {\n    id\n    healthSourcePriorities(metricTypes: $metricTypes) {\n      metricType\n      sources\n      isDefault\n    }\n  }\n}": types.HealthSourcePrioritiesDocument,
    "query HealthSyncState {\n  me {\n    id\n    healthSyncState {\n      source\n      anchor\n      updatedAt\n    }\n  }\n}": types.HealthSyncStateDocument,
    "query HeartRateByHour($from: DateTime!, $to: DateTime!, $timeZone: TimeZone) {\n  me {\n    id\n    healthSeries(\n      metricType: HEART_RATE\n      from: $from\n      to: $to\n      bucket: HOUR\n      timeZone: $timeZone\n    ) {\n      start\n      avg\n      min\n      max\n    }\n  }\n}": types.HeartRateByHourDocument,
    "mutation RecordHealthMetrics($input: [HealthMetricInput!]!) {\n  recordHealthMetrics(input: $input) {\n    accepted\n    duplicates\n    errors {\n      index\n      field\n      code\n      message\n    }\n  }\n}": types.RecordHealthMetricsDocument,
    "mutation SetHealthSourcePriority($metricType: HealthMetricType!, $sources: [HealthMetricSource!]!) {\n  setHealthSourcePriority(metricType: $metricType, sources: $sources) {\n    metricType\n    sources\n    isDefault\n  }\n}": types.SetHealthSourcePriorityDocument,
    "mutation StartHealthIntegration($provider: HealthProvider!, $redirectUri: String!, $client: OAuthClient) {\n  startHealthIntegration(\n    provider: $provider\n    redirectUri: $redirectUri\n    client: $client\n  ) {\n    authorizationUrl\n    state\n    flowSecret\n    expiresAt\n  }\n}": types.StartHealthIntegrationDocument,
    "mutation SyncDeviceHealthData($input: SyncDeviceHealthDataInput!) {\n  syncDeviceHealthData(input: $input) {\n    __typename\n    ... on DeviceHealthDataSynced {\n      source\n      anchor\n      accepted\n      duplicates\n      retracted\n      errors {\n        index\n        field\n        code\n        reason\n        message\n      }\n    }\n    ... on HealthSyncAnchorStale {\n      source\n      currentAnchor\n      code\n      message\n    }\n  }\n}": types.SyncDeviceHealthDataDocument,
    "mutation UpdateHealthGoal($id: ID!, $input: UpdateHealthGoalInput!) {\n  updateHealthGoal(id: $id, input: $input) {\n    id\n    targetValue\n    startDate\n    endDate\n  }\n}": types.UpdateHealthGoalDocument,
    "mutation ChangePassword($input: ChangePasswordInput!) {\n  changePassword(input: $input) {\n    __typename\n    ... on Problem {\n      code\n      message\n    }\n    ... on PasswordChanged {\n      revokedSessions\n    }\n    ... on WeakPassword {\n      reasons\n    }\n  }\n}": types.ChangePasswordDocument,
    "mutation CompleteTwoFactorSignIn($input: CompleteTwoFactorSignInInput!, $session: SessionDelivery = TOKEN) {\n  completeTwoFactorSignIn(input: $input, session: $session) {\n    __typename\n    ... on Problem {\n      code\n      message\n    }\n    ... on AuthSuccess {\n      token\n      expiresAt\n      user {\n        id\n      }\n    }\n    ... on TooManyAttempts {\n      retryAfterSeconds\n    }\n  }\n}": types.CompleteTwoFactorSignInDocument,
    "mutation ConfirmTwoFactor($code: String!) {\n  confirmTwoFactor(code: $code) {\n    __typename\n    ... on Problem {\n      code\n      message\n    }\n    ... on TwoFactorEnabled {\n      recoveryCodes\n    }\n    ... on TooManyAttempts {\n      retryAfterSeconds\n    }\n  }\n}": types.ConfirmTwoFactorDocument,
    "mutation DeactivateUser($userId: ID!, $reason: String) {\n  deactivateUser(userId: $userId, reason: $reason) {\n    id\n    isActive\n  }\n}": types.DeactivateUserDocument,
    "mutation DeleteMyAccount($password: String!) {\n  deleteMyAccount(password: $password) {\n    __typename\n    ... on Problem {\n      code\n      message\n    }\n    ... on AccountDeleted {\n      deletedAt\n    }\n  }\n}": types.DeleteMyAccountDocument,
    "mutation DisableTwoFactor($input: DisableTwoFactorInput!) {\n  disableTwoFactor(input: $input) {\n    __typename\n    ... on Problem {\n      code\n      message\n    }\n    ... on TwoFactorDisabled {\n      user {\n        twoFactorEnabled\n      }\n    }\n    ... on TooManyAttempts {\n      retryAfterSeconds\n    }\n  }\n}": types.DisableTwoFactorDocument,
    "mutation EnrollTwoFactor {\n  enrollTwoFactor {\n    otpauthUri\n    secret\n  }\n}": types.EnrollTwoFactorDocument,
    "query ExportMyData {\n  exportMyData\n}": types.ExportMyDataDocument,
    "query LinkedAccounts {\n  linkedAccounts {\n    provider\n    emailFromProvider\n    linkedAt\n  }\n}": types.LinkedAccountsDocument,
    "query Me {\n  me {\n    id\n    username\n    email\n    firstName\n    lastName\n    roles\n    createdAt\n  }\n}": types.MeDocument,
    "mutation OAuthCallback($provider: OAuthProvider!, $code: String!, $state: String!, $flowSecret: String) {\n  oauthCallback(\n    provider: $provider\n    code: $code\n    state: $state\n    flowSecret: $flowSecret\n  ) {\n    __typename\n    ... on Problem {\n      code\n      message\n    }\n    ... on AuthSuccess {\n      token\n      expiresAt\n      user {\n        id\n        username\n      }\n    }\n    ... on TwoFactorRequired {\n      challenge\n      expiresAt\n    }\n    ... on ProviderLinked {\n      linkedAccount {\n        provider\n        emailFromProvider\n        linkedAt\n      }\n    }\n    ... on OAuthFailed {\n      reason\n    }\n  }\n}": types.OAuthCallbackDocument,
    "mutation OAuthStart($provider: OAuthProvider!, $redirectUri: String!, $client: OAuthClient) {\n  oauthStart(provider: $provider, redirectUri: $redirectUri, client: $client) {\n    authorizationUrl\n    state\n    flowSecret\n    expiresAt\n  }\n}": types.OAuthStartDocument,
    "mutation ReactivateUser($userId: ID!, $reason: String) {\n  reactivateUser(userId: $userId, reason: $reason) {\n    id\n    isActive\n  }\n}": types.ReactivateUserDocument,
    "mutation RequestEmailVerification {\n  requestEmailVerification\n}": types.RequestEmailVerificationDocument,
    "mutation RequestPasswordReset($email: EmailAddress!) {\n  requestPasswordReset(email: $email)\n}": types.RequestPasswordResetDocument,
    "mutation ResetPassword($input: ResetPasswordInput!) {\n  resetPassword(input: $input) {\n    __typename\n    ... on Problem {\n      code\n      message\n    }\n    ... on PasswordReset {\n      revokedSessions\n    }\n    ... on WeakPassword {\n      reasons\n    }\n  }\n}": types.ResetPasswordDocument,
    "query SearchUsers($prefix: String, $first: Int, $after: String) {\n  searchUsers(prefix: $prefix, first: $first, after: $after) {\n    nodes {\n      id\n      username\n      email\n      isActive\n      createdAt\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.SearchUsersDocument,
    "mutation SignIn($input: SignInInput!, $session: SessionDelivery = TOKEN) {\n  signIn(input: $input, session: $session) {\n    __typename\n    ... on Problem {\n      code\n      message\n    }\n    ... on AuthSuccess {\n      token\n      expiresAt\n      user {\n        id\n        username\n      }\n    }\n    ... on TooManyAttempts {\n      retryAfterSeconds\n    }\n    ... on TwoFactorRequired {\n      challenge\n      expiresAt\n    }\n  }\n}": types.SignInDocument,
    "mutation SignOut {\n  signOut\n}": types.SignOutDocument,
    "mutation SignUp($input: SignUpInput!, $session: SessionDelivery = TOKEN) {\n  signUp(input: $input, session: $session) {\n    __typename\n    ... on Problem {\n      code\n      message\n    }\n    ... on AuthSuccess {\n      token\n      expiresAt\n      user {\n        id\n        username\n        email\n      }\n    }\n    ... on WeakPassword {\n      reasons\n    }\n    ... on TooManyAttempts {\n      retryAfterSeconds\n    }\n  }\n}": types.SignUpDocument,
    "mutation UnlinkProvider($provider: OAuthProvider!) {\n  unlinkProvider(provider: $provider) {\n    __typename\n    ... on Problem {\n      code\n      message\n    }\n    ... on ProviderUnlinked {\n      linkedAccounts {\n        provider\n      }\n    }\n  }\n}": types.UnlinkProviderDocument,
    "mutation UpdateProfile($input: UpdateProfileInput!) {\n  updateProfile(input: $input) {\n    id\n    firstName\n    lastName\n    dateOfBirth\n    gender\n    countryCode\n    username\n  }\n}": types.UpdateProfileDocument,
    "mutation VerifyEmail($token: String!) {\n  verifyEmail(token: $token) {\n    __typename\n    ... on Problem {\n      code\n      message\n    }\n    ... on EmailVerified {\n      user {\n        id\n        emailVerified\n      }\n    }\n  }\n}": types.VerifyEmailDocument,
    "query Viewer {\n  me {\n    id\n    username\n    email\n    timeZone\n    roles\n    trainer {\n      id\n      verified\n    }\n  }\n}": types.ViewerDocument,
    "mutation AddWorkoutPlanExercise($workoutPlanId: ID!, $input: AddWorkoutPlanExerciseInput!) {\n  addWorkoutPlanExercise(workoutPlanId: $workoutPlanId, input: $input) {\n    ...PlanDetails\n  }\n}": types.AddWorkoutPlanExerciseDocument,
    "mutation ApplyAsTrainer($input: ApplyAsTrainerInput!) {\n  applyAsTrainer(input: $input) {\n    id\n    verified\n  }\n}": types.ApplyAsTrainerDocument,
    "mutation CompleteWorkoutSession($id: ID!, $input: CompleteWorkoutSessionInput!) {\n  completeWorkoutSession(id: $id, input: $input) {\n    id\n    status\n    completedAt\n    durationSeconds\n    intensityLevel\n  }\n}": types.CompleteWorkoutSessionDocument,
    "mutation CreateHabit($input: CreateHabitInput!) {\n  createHabit(input: $input) {\n    id\n    name\n    frequencyPerWeek\n    streakUnit\n    currentStreak\n    bestStreak\n  }\n}": types.CreateHabitDocument,
    "mutation CreateWorkoutPlan($input: CreateWorkoutPlanInput!) {\n  createWorkoutPlan(input: $input) {\n    ...PlanDetails\n  }\n}": types.CreateWorkoutPlanDocument,
    "query ExerciseCatalogue($filter: ExerciseFilter, $first: Int, $after: String) {\n  exercises(filter: $filter, first: $first, after: $after) {\n    nodes {\n      id\n      name\n      category\n      difficulty\n      equipment\n      muscleGroups\n      videoUrl\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.ExerciseCatalogueDocument,
    "mutation LogHabit($input: LogHabitInput!) {\n  logHabit(input: $input) {\n    id\n    loggedDate\n    value\n    completed\n  }\n}": types.LogHabitDocument,
    "query MyHabits($from: Date!, $to: Date!, $first: Int, $after: String) {\n  me {\n    id\n    trainer {\n      id\n    }\n    habits(first: $first, after: $after) {\n      nodes {\n        id\n        name\n        unit\n        targetValue\n        frequencyPerWeek\n        streakUnit\n        currentStreak\n        bestStreak\n        completionRate(from: $from, to: $to)\n        logs(from: $from, to: $to) {\n          loggedDate\n          value\n          completed\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n}": types.MyHabitsDocument,
    "query MyWorkoutSessions($filter: WorkoutSessionFilter, $first: Int, $after: String) {\n  me {\n    id\n    workoutSessions(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        status\n        startedAt\n        durationSeconds\n        workoutPlan {\n          id\n          name\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}": types.MyWorkoutSessionsDocument,
    "fragment PlanDetails on WorkoutPlan {\n  id\n  name\n  description\n  difficulty\n  durationWeeks\n  targetAudience\n  version\n  isPublished\n  hasUnpublishedChanges\n  publishedAt\n  trainer {\n    id\n  }\n  exercises {\n    id\n    sequenceNumber\n    sets\n    reps\n    weightKg\n    restSeconds\n    exercise {\n      id\n      name\n    }\n  }\n}": types.PlanDetailsFragmentDoc,
    "mutation PublishWorkoutPlan($id: ID!) {\n  publishWorkoutPlan(id: $id) {\n    ...PlanDetails\n  }\n}": types.PublishWorkoutPlanDocument,
    "mutation ReorderWorkoutPlanExercises($workoutPlanId: ID!, $exerciseIds: [ID!]!) {\n  reorderWorkoutPlanExercises(\n    workoutPlanId: $workoutPlanId\n    exerciseIds: $exerciseIds\n  ) {\n    ...PlanDetails\n  }\n}": types.ReorderWorkoutPlanExercisesDocument,
    "mutation StartWorkoutSession($input: StartWorkoutSessionInput!) {\n  startWorkoutSession(input: $input) {\n    id\n    status\n    startedAt\n    workoutPlanVersion {\n      version\n      name\n    }\n  }\n}": types.StartWorkoutSessionDocument,
    "query TrainerDashboard($days: LocalDateRange!) {\n  me {\n    id\n    trainer {\n      id\n      clients(first: 20) {\n        nodes {\n          id\n          startedAt\n          user {\n            id\n            username\n            firstName\n            lastName\n          }\n          activePlan {\n            id\n            name\n          }\n          steps: healthSeries(\n            metricType: STEPS\n            days: $days\n            bucket: DAY\n            includeEmpty: true\n          ) {\n            start\n            sum\n          }\n          habits(first: 10) {\n            nodes {\n              id\n              name\n              currentStreak\n              bestStreak\n              streakUnit\n            }\n          }\n        }\n      }\n    }\n  }\n}": types.TrainerDashboardDocument,
    "mutation VerifyTrainer($trainerId: ID!) {\n  verifyTrainer(trainerId: $trainerId) {\n    id\n    verified\n    verifiedAt\n  }\n}": types.VerifyTrainerDocument,
    "query WorkoutPlanCatalogue($filter: WorkoutPlanFilter, $first: Int, $after: String) {\n  workoutPlans(filter: $filter, first: $first, after: $after) {\n    nodes {\n      ...PlanDetails\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.WorkoutPlanCatalogueDocument,
    "subscription WorkoutSessionUpdated($userId: ID) {\n  workoutSessionUpdated(userId: $userId) {\n    id\n    status\n    startedAt\n    completedAt\n    durationSeconds\n    intensityLevel\n    user {\n      id\n      username\n    }\n  }\n}": types.WorkoutSessionUpdatedDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CohortMembers($id: ID!, $first: Int, $after: String) {\n  cohort(id: $id) {\n    id\n    name\n    userCount\n    members(first: $first, after: $after) {\n      nodes {\n        id\n        username\n        firstName\n        lastName\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n}"): typeof import('./graphql.js').CohortMembersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Cohorts($first: Int, $after: String) {\n  cohorts(first: $first, after: $after) {\n    nodes {\n      id\n      name\n      userCount\n      computedAt\n      updatedAt\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): typeof import('./graphql.js').CohortsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateCohort($name: String!, $definition: JSONObject!) {\n  createCohort(name: $name, definition: $definition) {\n    id\n    name\n    userCount\n    computedAt\n  }\n}"): typeof import('./graphql.js').CreateCohortDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ProductMetrics($from: Date!, $to: Date!, $period: ActivePeriod!, $eventTypes: [String!], $weeks: Int) {\n  productMetrics(from: $from, to: $to) {\n    activeUsers(period: $period) {\n      date\n      activeUsers\n    }\n    eventCounts(eventTypes: $eventTypes) {\n      date\n      eventType\n      count\n    }\n    weeklyRetention(weeks: $weeks) {\n      weekStart\n      size\n      weeks {\n        week\n        activeUsers\n        rate\n      }\n    }\n  }\n}"): typeof import('./graphql.js').ProductMetricsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RefreshCohort($id: ID!) {\n  refreshCohort(id: $id) {\n    id\n    userCount\n    computedAt\n  }\n}"): typeof import('./graphql.js').RefreshCohortDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TrackEvents($events: [AnalyticsEventInput!]!) {\n  trackEvents(events: $events) {\n    accepted\n    duplicates\n    errors {\n      index\n      field\n      code\n      message\n    }\n  }\n}"): typeof import('./graphql.js').TrackEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateCohort($id: ID!, $name: String, $definition: JSONObject) {\n  updateCohort(id: $id, name: $name, definition: $definition) {\n    id\n    name\n    definition\n    userCount\n    computedAt\n  }\n}"): typeof import('./graphql.js').UpdateCohortDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CancelSubscription($id: ID!, $atPeriodEnd: Boolean) {\n  cancelSubscription(id: $id, atPeriodEnd: $atPeriodEnd) {\n    id\n    status\n    endDate\n    autoRenewal\n    canceledAt\n  }\n}"): typeof import('./graphql.js').CancelSubscriptionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateSubscriptionPlan($input: CreateSubscriptionPlanInput!) {\n  createSubscriptionPlan(input: $input) {\n    id\n    name\n    priceCents\n    currency\n    billingPeriod\n    trialPeriodDays\n    features\n  }\n}"): typeof import('./graphql.js').CreateSubscriptionPlanDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyBilling {\n  me {\n    id\n    entitlements\n    activeSubscription {\n      id\n      status\n      isTrial\n      trialEndDate\n      endDate\n      renewalDate\n      autoRenewal\n      canceledAt\n      plan {\n        id\n        name\n      }\n    }\n    subscriptions(first: 10) {\n      nodes {\n        id\n        status\n        startDate\n        endDate\n        plan {\n          name\n        }\n        payments(first: 10) {\n          nodes {\n            id\n            amountCents\n            currency\n            status\n            cardLast4\n            createdAt\n            refundedCents\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}"): typeof import('./graphql.js').MyBillingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription MySubscriptionUpdated {\n  mySubscriptionUpdated {\n    id\n    status\n    startDate\n    endDate\n    plan {\n      id\n      name\n    }\n  }\n}"): typeof import('./graphql.js').MySubscriptionUpdatedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PaymentGateways {\n  paymentGateways {\n    gateway\n    currencies\n  }\n}"): typeof import('./graphql.js').PaymentGatewaysDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RefundPayment($paymentId: ID!, $amountCents: Int!, $reason: String) {\n  refundPayment(paymentId: $paymentId, amountCents: $amountCents, reason: $reason) {\n    __typename\n    ... on Problem {\n      code\n      message\n    }\n    ... on RefundIssued {\n      refund {\n        id\n        amountCents\n        status\n      }\n      payment {\n        id\n        status\n        refundedCents\n      }\n    }\n    ... on RefundExceedsPayment {\n      refundableCents\n    }\n  }\n}"): typeof import('./graphql.js').RefundPaymentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SetAutoRenewal($id: ID!, $enabled: Boolean!) {\n  setAutoRenewal(id: $id, enabled: $enabled) {\n    id\n    autoRenewal\n    renewalDate\n  }\n}"): typeof import('./graphql.js').SetAutoRenewalDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Subscribe($planId: ID!, $paymentMethod: PaymentMethodInput!, $idempotencyKey: String) {\n  subscribe(\n    planId: $planId\n    paymentMethod: $paymentMethod\n    idempotencyKey: $idempotencyKey\n  ) {\n    __typename\n    ... on Problem {\n      code\n      message\n    }\n    ... on SubscriptionStarted {\n      subscription {\n        id\n        status\n        isTrial\n        trialEndDate\n        endDate\n      }\n      payment {\n        id\n        status\n        amountCents\n        currency\n      }\n    }\n    ... on AlreadySubscribed {\n      subscription {\n        id\n        status\n      }\n    }\n    ... on CurrencyNotSupported {\n      supportedCurrencies\n    }\n  }\n}"): typeof import('./graphql.js').SubscribeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SubscriptionPlans($first: Int, $after: String) {\n  subscriptionPlans(first: $first, after: $after) {\n    nodes {\n      id\n      name\n      description\n      priceCents\n      currency\n      billingPeriod\n      trialPeriodDays\n      features\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): typeof import('./graphql.js').SubscriptionPlansDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AddLesson($courseId: ID!, $input: AddLessonInput!) {\n  addLesson(courseId: $courseId, input: $input) {\n    id\n    lessons {\n      id\n      sequenceNumber\n      title\n    }\n  }\n}"): typeof import('./graphql.js').AddLessonDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ContentItem($id: ID!) {\n  contentItem(id: $id) {\n    id\n    type\n    title\n    description\n    contentUrl\n    tags\n    isPublished\n    rating\n    myRating\n  }\n}"): typeof import('./graphql.js').ContentItemDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Course($id: ID!) {\n  course(id: $id) {\n    id\n    name\n    description\n    isFree\n    priceCents\n    hasAccess\n    isEnrolled\n    lessons {\n      id\n      sequenceNumber\n      title\n      durationMinutes\n      locked\n      contentItems {\n        id\n        type\n        title\n        contentUrl\n      }\n    }\n  }\n}"): typeof import('./graphql.js').CourseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CourseCatalogue($filter: CourseFilter, $first: Int, $after: String) {\n  courses(filter: $filter, first: $first, after: $after) {\n    nodes {\n      id\n      name\n      coverImageUrl\n      difficulty\n      isFree\n      priceCents\n      enrollmentsCount\n      creator {\n        id\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): typeof import('./graphql.js').CourseCatalogueDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateContentItem($input: CreateContentItemInput!) {\n  createContentItem(input: $input) {\n    id\n    isPublished\n  }\n}"): typeof import('./graphql.js').CreateContentItemDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateCourse($input: CreateCourseInput!) {\n  createCourse(input: $input) {\n    id\n  }\n}"): typeof import('./graphql.js').CreateCourseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation EnrollInCourse($courseId: ID!) {\n  enrollInCourse(courseId: $courseId) {\n    __typename\n    ... on Problem {\n      code\n      message\n    }\n    ... on Enrollment {\n      enrolledAt\n      course {\n        id\n        enrollmentsCount\n      }\n    }\n    ... on PurchaseRequired {\n      course {\n        id\n        priceCents\n      }\n    }\n  }\n}"): typeof import('./graphql.js').EnrollInCourseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyEnrollments($first: Int, $after: String) {\n  me {\n    id\n    enrollments(first: $first, after: $after) {\n      nodes {\n        enrolledAt\n        course {\n          id\n          name\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}"): typeof import('./graphql.js').MyEnrollmentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PublishContentItem($id: ID!) {\n  publishContentItem(id: $id) {\n    id\n    isPublished\n  }\n}"): typeof import('./graphql.js').PublishContentItemDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RateContentItem($id: ID!, $rating: Int!) {\n  rateContentItem(id: $id, rating: $rating) {\n    id\n    rating\n    ratingsCount\n    myRating\n  }\n}"): typeof import('./graphql.js').RateContentItemDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RecordContentView($id: ID!) {\n  recordContentView(id: $id)\n}"): typeof import('./graphql.js').RecordContentViewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ReorderLessons($courseId: ID!, $lessonIds: [ID!]!) {\n  reorderLessons(courseId: $courseId, lessonIds: $lessonIds) {\n    id\n    lessons {\n      id\n      sequenceNumber\n      title\n    }\n  }\n}"): typeof import('./graphql.js').ReorderLessonsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SearchContent($query: String, $type: ContentType, $difficulty: Difficulty, $tags: [String!], $first: Int, $after: String) {\n  searchContent(\n    query: $query\n    type: $type\n    difficulty: $difficulty\n    tags: $tags\n    first: $first\n    after: $after\n  ) {\n    nodes {\n      rank\n      snippet\n      item {\n        id\n        type\n        title\n        thumbnailUrl\n        difficulty\n        language\n        viewCount\n        rating\n        ratingsCount\n        creator {\n          id\n        }\n        courses {\n          id\n          name\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): typeof import('./graphql.js').SearchContentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AthleteDashboard($week: LocalDateRange!, $month: LocalDateRange!) {\n  me {\n    id\n    timeZone\n    stepsWeek: healthSeries(\n      metricType: STEPS\n      days: $week\n      bucket: DAY\n      includeEmpty: true\n    ) {\n      start\n      count\n      sum\n    }\n    stepsMonth: healthSeries(\n      metricType: STEPS\n      days: $month\n      bucket: DAY\n      includeEmpty: true\n    ) {\n      start\n      count\n      sum\n    }\n    heartRate: healthSeries(\n      metricType: HEART_RATE\n      days: $month\n      bucket: DAY\n      includeEmpty: true\n    ) {\n      start\n      count\n      min\n    }\n    weight: healthSeries(\n      metricType: WEIGHT\n      days: $month\n      bucket: DAY\n      includeEmpty: true\n    ) {\n      start\n      count\n      avg\n    }\n    sleep: healthSeries(\n      metricType: SLEEP\n      days: $week\n      bucket: DAY\n      includeEmpty: true\n    ) {\n      start\n      count\n      sum\n    }\n    healthGoals {\n      nodes {\n        id\n        metricType\n        targetValue\n        unit\n      }\n    }\n    latestHealthMetrics {\n      metricType\n      value\n      unit\n    }\n  }\n}"): typeof import('./graphql.js').AthleteDashboardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CompleteHealthIntegration($provider: HealthProvider!, $code: String!, $state: String!, $flowSecret: String) {\n  completeHealthIntegration(\n    provider: $provider\n    code: $code\n    state: $state\n    flowSecret: $flowSecret\n  ) {\n    __typename\n    ... on Problem {\n      code\n      message\n    }\n    ... on HealthIntegrationConnected {\n      integration {\n        id\n        provider\n        isActive\n        backfill {\n          from\n          until\n          percent\n          done\n        }\n      }\n    }\n    ... on HealthIntegrationFailed {\n      reason\n    }\n  }\n}"): typeof import('./graphql.js').CompleteHealthIntegrationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConnectHealthIntegration($input: ConnectHealthIntegrationInput!) {\n  connectHealthIntegration(input: $input) {\n    id\n    provider\n    isActive\n  }\n}"): typeof import('./graphql.js').ConnectHealthIntegrationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateHealthGoal($input: CreateHealthGoalInput!) {\n  createHealthGoal(input: $input) {\n    id\n    progress {\n      currentValue\n      percent\n      onTrack\n    }\n  }\n}"): typeof import('./graphql.js').CreateHealthGoalDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DailySteps($from: DateTime!, $to: DateTime!, $timeZone: TimeZone) {\n  me {\n    id\n    healthSeries(\n      metricType: STEPS\n      from: $from\n      to: $to\n      bucket: DAY\n      timeZone: $timeZone\n    ) {\n      start\n      count\n      sum\n    }\n  }\n}"): typeof import('./graphql.js').DailyStepsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DeactivateHealthGoal($id: ID!) {\n  deactivateHealthGoal(id: $id) {\n    id\n    isActive\n  }\n}"): typeof import('./graphql.js').DeactivateHealthGoalDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DisconnectHealthIntegration($provider: HealthProvider!) {\n  disconnectHealthIntegration(provider: $provider)\n}"): typeof import('./graphql.js').DisconnectHealthIntegrationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query HealthDashboard {\n  me {\n    id\n    latestHealthMetrics {\n      metricType\n      value\n      unit\n      recordedAt\n    }\n    healthGoals {\n      nodes {\n        id\n        metricType\n        targetValue\n        unit\n        startDate\n        endDate\n        progress {\n          currentValue\n          percent\n          onTrack\n        }\n      }\n    }\n    healthIntegrations {\n      provider\n      isActive\n      needsReconnect\n      inactiveReason\n      lastSyncAt\n      lastError\n      backfill {\n        percent\n        done\n      }\n    }\n  }\n}"): typeof import('./graphql.js').HealthDashboardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query HealthMetrics($metricType: HealthMetricType, $from: DateTime, $to: DateTime, $first: Int, $after: String) {\n  me {\n    id\n    healthMetrics(\n      metricType: $metricType\n      from: $from\n      to: $to\n      first: $first\n      after: $after\n    ) {\n      nodes {\n        id\n        metricType\n        value\n        unit\n        source\n        sourceDevice\n        recordedAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}"): typeof import('./graphql.js').HealthMetricsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription HealthMetricsRecorded($userId: ID) {\n  healthMetricsRecorded(userId: $userId) {\n    accepted\n    from\n    to\n    recordedAt\n    user {\n      id\n      username\n    }\n  }\n}"): typeof import('./graphql.js').HealthMetricsRecordedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query HealthSourcePriorities($metricTypes: [HealthMetricType!]) {\n  me {\n    id\n    healthSourcePriorities(metricTypes: $metricTypes) {\n      metricType\n      sources\n      isDefault\n    }\n  }\n}"): typeof import('./graphql.js').HealthSourcePrioritiesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query HealthSyncState {\n  me {\n    id\n    healthSyncState {\n      source\n      anchor\n      updatedAt\n    }\n  }\n}"): typeof import('./graphql.js').HealthSyncStateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query HeartRateByHour($from: DateTime!, $to: DateTime!, $timeZone: TimeZone) {\n  me {\n    id\n    healthSeries(\n      metricType: HEART_RATE\n      from: $from\n      to: $to\n      bucket: HOUR\n      timeZone: $timeZone\n    ) {\n      start\n      avg\n      min\n      max\n    }\n  }\n}"): typeof import('./graphql.js').HeartRateByHourDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RecordHealthMetrics($input: [HealthMetricInput!]!) {\n  recordHealthMetrics(input: $input) {\n    accepted\n    duplicates\n    errors {\n      index\n      field\n      code\n      message\n    }\n  }\n}"): typeof import('./graphql.js').RecordHealthMetricsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SetHealthSourcePriority($metricType: HealthMetricType!, $sources: [HealthMetricSource!]!) {\n  setHealthSourcePriority(metricType: $metricType, sources: $sources) {\n    metricType\n    sources\n    isDefault\n  }\n}"): typeof import('./graphql.js').SetHealthSourcePriorityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StartHealthIntegration($provider: HealthProvider!, $redirectUri: String!, $client: OAuthClient) {\n  startHealthIntegration(\n    provider: $provider\n    redirectUri: $redirectUri\n    client: $client\n  ) {\n    authorizationUrl\n    state\n    flowSecret\n    expiresAt\n  }\n}"): typeof import('./graphql.js').StartHealthIntegrationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SyncDeviceHealthData($input: SyncDeviceHealthDataInput!) {\n  syncDeviceHealthData(input: $input) {\n    __typename\n    ... on DeviceHealthDataSynced {\n      source\n      anchor\n      accepted\n      duplicates\n      retracted\n      errors {\n        index\n        field\n        code\n        reason\n        message\n      }\n    }\n    ... on HealthSyncAnchorStale {\n      source\n      currentAnchor\n      code\n      message\n    }\n  }\n}"): typeof import('./graphql.js').SyncDeviceHealthDataDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateHealthGoal($id: ID!, $input: UpdateHealthGoalInput!) {\n  updateHealthGoal(id: $id, input: $input) {\n    id\n    targetValue\n    startDate\n    endDate\n  }\n}"): typeof import('./graphql.js').UpdateHealthGoalDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ChangePassword($input: ChangePasswordInput!) {\n  changePassword(input: $input) {\n    __typename\n    ... on Problem {\n      code\n      message\n    }\n    ... on PasswordChanged {\n      revokedSessions\n    }\n    ... on WeakPassword {\n      reasons\n    }\n  }\n}"): typeof import('./graphql.js').ChangePasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CompleteTwoFactorSignIn($input: CompleteTwoFactorSignInInput!, $session: SessionDelivery = TOKEN) {\n  completeTwoFactorSignIn(input: $input, session: $session) {\n    __typename\n    ... on Problem {\n      code\n      message\n    }\n    ... on AuthSuccess {\n      token\n      expiresAt\n      user {\n        id\n      }\n    }\n    ... on TooManyAttempts {\n      retryAfterSeconds\n    }\n  }\n}"): typeof import('./graphql.js').CompleteTwoFactorSignInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConfirmTwoFactor($code: String!) {\n  confirmTwoFactor(code: $code) {\n    __typename\n    ... on Problem {\n      code\n      message\n    }\n    ... on TwoFactorEnabled {\n      recoveryCodes\n    }\n    ... on TooManyAttempts {\n      retryAfterSeconds\n    }\n  }\n}"): typeof import('./graphql.js').ConfirmTwoFactorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DeactivateUser($userId: ID!, $reason: String) {\n  deactivateUser(userId: $userId, reason: $reason) {\n    id\n    isActive\n  }\n}"): typeof import('./graphql.js').DeactivateUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DeleteMyAccount($password: String!) {\n  deleteMyAccount(password: $password) {\n    __typename\n    ... on Problem {\n      code\n      message\n    }\n    ... on AccountDeleted {\n      deletedAt\n    }\n  }\n}"): typeof import('./graphql.js').DeleteMyAccountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DisableTwoFactor($input: DisableTwoFactorInput!) {\n  disableTwoFactor(input: $input) {\n    __typename\n    ... on Problem {\n      code\n      message\n    }\n    ... on TwoFactorDisabled {\n      user {\n        twoFactorEnabled\n      }\n    }\n    ... on TooManyAttempts {\n      retryAfterSeconds\n    }\n  }\n}"): typeof import('./graphql.js').DisableTwoFactorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation EnrollTwoFactor {\n  enrollTwoFactor {\n    otpauthUri\n    secret\n  }\n}"): typeof import('./graphql.js').EnrollTwoFactorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ExportMyData {\n  exportMyData\n}"): typeof import('./graphql.js').ExportMyDataDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LinkedAccounts {\n  linkedAccounts {\n    provider\n    emailFromProvider\n    linkedAt\n  }\n}"): typeof import('./graphql.js').LinkedAccountsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Me {\n  me {\n    id\n    username\n    email\n    firstName\n    lastName\n    roles\n    createdAt\n  }\n}"): typeof import('./graphql.js').MeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OAuthCallback($provider: OAuthProvider!, $code: String!, $state: String!, $flowSecret: String) {\n  oauthCallback(\n    provider: $provider\n    code: $code\n    state: $state\n    flowSecret: $flowSecret\n  ) {\n    __typename\n    ... on Problem {\n      code\n      message\n    }\n    ... on AuthSuccess {\n      token\n      expiresAt\n      user {\n        id\n        username\n      }\n    }\n    ... on TwoFactorRequired {\n      challenge\n      expiresAt\n    }\n    ... on ProviderLinked {\n      linkedAccount {\n        provider\n        emailFromProvider\n        linkedAt\n      }\n    }\n    ... on OAuthFailed {\n      reason\n    }\n  }\n}"): typeof import('./graphql.js').OAuthCallbackDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OAuthStart($provider: OAuthProvider!, $redirectUri: String!, $client: OAuthClient) {\n  oauthStart(provider: $provider, redirectUri: $redirectUri, client: $client) {\n    authorizationUrl\n    state\n    flowSecret\n    expiresAt\n  }\n}"): typeof import('./graphql.js').OAuthStartDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ReactivateUser($userId: ID!, $reason: String) {\n  reactivateUser(userId: $userId, reason: $reason) {\n    id\n    isActive\n  }\n}"): typeof import('./graphql.js').ReactivateUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RequestEmailVerification {\n  requestEmailVerification\n}"): typeof import('./graphql.js').RequestEmailVerificationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RequestPasswordReset($email: EmailAddress!) {\n  requestPasswordReset(email: $email)\n}"): typeof import('./graphql.js').RequestPasswordResetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ResetPassword($input: ResetPasswordInput!) {\n  resetPassword(input: $input) {\n    __typename\n    ... on Problem {\n      code\n      message\n    }\n    ... on PasswordReset {\n      revokedSessions\n    }\n    ... on WeakPassword {\n      reasons\n    }\n  }\n}"): typeof import('./graphql.js').ResetPasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SearchUsers($prefix: String, $first: Int, $after: String) {\n  searchUsers(prefix: $prefix, first: $first, after: $after) {\n    nodes {\n      id\n      username\n      email\n      isActive\n      createdAt\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): typeof import('./graphql.js').SearchUsersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SignIn($input: SignInInput!, $session: SessionDelivery = TOKEN) {\n  signIn(input: $input, session: $session) {\n    __typename\n    ... on Problem {\n      code\n      message\n    }\n    ... on AuthSuccess {\n      token\n      expiresAt\n      user {\n        id\n        username\n      }\n    }\n    ... on TooManyAttempts {\n      retryAfterSeconds\n    }\n    ... on TwoFactorRequired {\n      challenge\n      expiresAt\n    }\n  }\n}"): typeof import('./graphql.js').SignInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SignOut {\n  signOut\n}"): typeof import('./graphql.js').SignOutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SignUp($input: SignUpInput!, $session: SessionDelivery = TOKEN) {\n  signUp(input: $input, session: $session) {\n    __typename\n    ... on Problem {\n      code\n      message\n    }\n    ... on AuthSuccess {\n      token\n      expiresAt\n      user {\n        id\n        username\n        email\n      }\n    }\n    ... on WeakPassword {\n      reasons\n    }\n    ... on TooManyAttempts {\n      retryAfterSeconds\n    }\n  }\n}"): typeof import('./graphql.js').SignUpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UnlinkProvider($provider: OAuthProvider!) {\n  unlinkProvider(provider: $provider) {\n    __typename\n    ... on Problem {\n      code\n      message\n    }\n    ... on ProviderUnlinked {\n      linkedAccounts {\n        provider\n      }\n    }\n  }\n}"): typeof import('./graphql.js').UnlinkProviderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateProfile($input: UpdateProfileInput!) {\n  updateProfile(input: $input) {\n    id\n    firstName\n    lastName\n    dateOfBirth\n    gender\n    countryCode\n    username\n  }\n}"): typeof import('./graphql.js').UpdateProfileDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation VerifyEmail($token: String!) {\n  verifyEmail(token: $token) {\n    __typename\n    ... on Problem {\n      code\n      message\n    }\n    ... on EmailVerified {\n      user {\n        id\n        emailVerified\n      }\n    }\n  }\n}"): typeof import('./graphql.js').VerifyEmailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Viewer {\n  me {\n    id\n    username\n    email\n    timeZone\n    roles\n    trainer {\n      id\n      verified\n    }\n  }\n}"): typeof import('./graphql.js').ViewerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AddWorkoutPlanExercise($workoutPlanId: ID!, $input: AddWorkoutPlanExerciseInput!) {\n  addWorkoutPlanExercise(workoutPlanId: $workoutPlanId, input: $input) {\n    ...PlanDetails\n  }\n}"): typeof import('./graphql.js').AddWorkoutPlanExerciseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ApplyAsTrainer($input: ApplyAsTrainerInput!) {\n  applyAsTrainer(input: $input) {\n    id\n    verified\n  }\n}"): typeof import('./graphql.js').ApplyAsTrainerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CompleteWorkoutSession($id: ID!, $input: CompleteWorkoutSessionInput!) {\n  completeWorkoutSession(id: $id, input: $input) {\n    id\n    status\n    completedAt\n    durationSeconds\n    intensityLevel\n  }\n}"): typeof import('./graphql.js').CompleteWorkoutSessionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateHabit($input: CreateHabitInput!) {\n  createHabit(input: $input) {\n    id\n    name\n    frequencyPerWeek\n    streakUnit\n    currentStreak\n    bestStreak\n  }\n}"): typeof import('./graphql.js').CreateHabitDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateWorkoutPlan($input: CreateWorkoutPlanInput!) {\n  createWorkoutPlan(input: $input) {\n    ...PlanDetails\n  }\n}"): typeof import('./graphql.js').CreateWorkoutPlanDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ExerciseCatalogue($filter: ExerciseFilter, $first: Int, $after: String) {\n  exercises(filter: $filter, first: $first, after: $after) {\n    nodes {\n      id\n      name\n      category\n      difficulty\n      equipment\n      muscleGroups\n      videoUrl\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): typeof import('./graphql.js').ExerciseCatalogueDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LogHabit($input: LogHabitInput!) {\n  logHabit(input: $input) {\n    id\n    loggedDate\n    value\n    completed\n  }\n}"): typeof import('./graphql.js').LogHabitDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyHabits($from: Date!, $to: Date!, $first: Int, $after: String) {\n  me {\n    id\n    trainer {\n      id\n    }\n    habits(first: $first, after: $after) {\n      nodes {\n        id\n        name\n        unit\n        targetValue\n        frequencyPerWeek\n        streakUnit\n        currentStreak\n        bestStreak\n        completionRate(from: $from, to: $to)\n        logs(from: $from, to: $to) {\n          loggedDate\n          value\n          completed\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n}"): typeof import('./graphql.js').MyHabitsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyWorkoutSessions($filter: WorkoutSessionFilter, $first: Int, $after: String) {\n  me {\n    id\n    workoutSessions(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        status\n        startedAt\n        durationSeconds\n        workoutPlan {\n          id\n          name\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}"): typeof import('./graphql.js').MyWorkoutSessionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment PlanDetails on WorkoutPlan {\n  id\n  name\n  description\n  difficulty\n  durationWeeks\n  targetAudience\n  version\n  isPublished\n  hasUnpublishedChanges\n  publishedAt\n  trainer {\n    id\n  }\n  exercises {\n    id\n    sequenceNumber\n    sets\n    reps\n    weightKg\n    restSeconds\n    exercise {\n      id\n      name\n    }\n  }\n}"): typeof import('./graphql.js').PlanDetailsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PublishWorkoutPlan($id: ID!) {\n  publishWorkoutPlan(id: $id) {\n    ...PlanDetails\n  }\n}"): typeof import('./graphql.js').PublishWorkoutPlanDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ReorderWorkoutPlanExercises($workoutPlanId: ID!, $exerciseIds: [ID!]!) {\n  reorderWorkoutPlanExercises(\n    workoutPlanId: $workoutPlanId\n    exerciseIds: $exerciseIds\n  ) {\n    ...PlanDetails\n  }\n}"): typeof import('./graphql.js').ReorderWorkoutPlanExercisesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StartWorkoutSession($input: StartWorkoutSessionInput!) {\n  startWorkoutSession(input: $input) {\n    id\n    status\n    startedAt\n    workoutPlanVersion {\n      version\n      name\n    }\n  }\n}"): typeof import('./graphql.js').StartWorkoutSessionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TrainerDashboard($days: LocalDateRange!) {\n  me {\n    id\n    trainer {\n      id\n      clients(first: 20) {\n        nodes {\n          id\n          startedAt\n          user {\n            id\n            username\n            firstName\n            lastName\n          }\n          activePlan {\n            id\n            name\n          }\n          steps: healthSeries(\n            metricType: STEPS\n            days: $days\n            bucket: DAY\n            includeEmpty: true\n          ) {\n            start\n            sum\n          }\n          habits(first: 10) {\n            nodes {\n              id\n              name\n              currentStreak\n              bestStreak\n              streakUnit\n            }\n          }\n        }\n      }\n    }\n  }\n}"): typeof import('./graphql.js').TrainerDashboardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation VerifyTrainer($trainerId: ID!) {\n  verifyTrainer(trainerId: $trainerId) {\n    id\n    verified\n    verifiedAt\n  }\n}"): typeof import('./graphql.js').VerifyTrainerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query WorkoutPlanCatalogue($filter: WorkoutPlanFilter, $first: Int, $after: String) {\n  workoutPlans(filter: $filter, first: $first, after: $after) {\n    nodes {\n      ...PlanDetails\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): typeof import('./graphql.js').WorkoutPlanCatalogueDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription WorkoutSessionUpdated($userId: ID) {\n  workoutSessionUpdated(userId: $userId) {\n    id\n    status\n    startedAt\n    completedAt\n    durationSeconds\n    intensityLevel\n    user {\n      id\n      username\n    }\n  }\n}"): typeof import('./graphql.js').WorkoutSessionUpdatedDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
