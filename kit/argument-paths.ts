import {
  defaultFieldResolver,
  type GraphQLArgument,
  GraphQLError,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  isObjectType,
} from 'graphql';
import { ErrorCode } from './errors.js';

/**
 * `extensions.field` of a BAD_USER_INPUT error is a path from the operation's arguments
 * (`input.email`, `input.3.value`, `days.to`), so a form can put the message next to the right
 * input. Domain code names the field as it knows it (`email`); the resolver wrapper below
 * completes the path from the schema's argument definitions, once, for every field.
 */
export function argumentPath(field: string, args: readonly GraphQLArgument[]): string {
  const head = field.split('.')[0] ?? field;
  if (args.some((arg) => arg.name === head)) return field;
  for (const arg of args) {
    const type = getNullableType(arg.type);
    const named = getNamedType(arg.type);
    // A field of the argument's input object, or an index into a list argument.
    if (isInputObjectType(named) && Object.hasOwn(named.getFields(), head)) return `${arg.name}.${field}`;
    if (isListType(type) && /^\d+$/.test(head)) return `${arg.name}.${field}`;
  }
  return field;
}

/** Completes `extensions.field` of the BAD_USER_INPUT errors every field with arguments throws. */
export function completeArgumentPaths(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.length === 0 || field.name === '_entities') continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      const complete = (error: unknown) => {
        if (error instanceof GraphQLError && error.extensions.code === ErrorCode.BAD_USER_INPUT) {
          const named = error.extensions.field;
          if (typeof named === 'string') error.extensions.field = argumentPath(named, field.args);
        }
        return error;
      };
      field.resolve = (source, args, context, info) => {
        try {
          const result = resolve(source, args, context, info);
          return result instanceof Promise
            ? result.catch((error: unknown) => {
                throw complete(error);
              })
            : result;
        } catch (error) {
          throw complete(error);
        }
      };
    }
  }
}

/**
 * The argument path of a variable that did not fit its type, from graphql-js's message:
 * `Variable "$input" got invalid value "x" at "input.email"; ...` -> `input.email`,
 * `...; Field "extra" is not defined by type "SignInInput".` -> `input.extra`,
 * `Variable "$input" of required type "SignUpInput!" was not provided.` -> `input`.
 * Paths start with the variable's name, which the client's operation gives its argument.
 */
export function variableErrorField(message: string): string | null {
  const variable = /^Variable "\$([A-Za-z_]\w*)"/.exec(message)?.[1];
  if (!variable) return null;
  let path = /got invalid value .*? at "([^"]+)";/s.exec(message)?.[1] ?? variable;
  const inner = /; Field "([A-Za-z_]\w*)" (?:is not defined by type|of required type)/.exec(message)?.[1];
  if (inner) path = `${path}.${inner}`;
  // graphql-js writes list indexes as input[1]; paths here are dotted throughout (input.1).
  return path.replace(/\[(\d+)\]/g, '.$1');
}
