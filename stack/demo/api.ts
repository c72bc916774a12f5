/** The public API as the demo seed uses it: GraphQL calls through the gateway, as a frontend would. */
export interface DemoLogin {
  email: string;
  password: string;
}

/** Session tokens of the three demo accounts. */
export interface DemoTokens {
  admin: string;
  trainer: string;
  athlete: string;
}

export async function call(
  gatewayUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
  // biome-ignore lint/suspicious/noExplicitAny: the demo reads the fields it just asked for
): Promise<any> {
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
  if (body.errors?.length || !body.data) throw new Error(`demo seed call failed: ${JSON.stringify(body)}`);
  return body.data;
}

export async function signIn(gatewayUrl: string, user: DemoLogin): Promise<string> {
  const data = await call(
    gatewayUrl,
    `mutation($input: SignInInput!) { signIn(input: $input) { __typename ... on AuthSuccess { token } } }`,
    { input: { login: user.email, password: user.password } },
  );
  if (!data.signIn.token) throw new Error(`demo sign-in failed: ${JSON.stringify(data)}`);
  return data.signIn.token as string;
}
