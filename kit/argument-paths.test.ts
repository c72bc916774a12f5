import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { argumentPath, variableErrorField } from './argument-paths.js';

const schema = buildSchema(`
  input SignUpInput { email: String! username: String! }
  input Sample { value: Float! }
  type Query { x: Int }
  type Mutation {
    signUp(input: SignUpInput!): Int
    record(input: [Sample!]!): Int
    series(from: String, days: String): Int
  }
`);
const args = (name: string) => schema.getMutationType()!.getFields()[name]!.args;

describe('argument paths', () => {
  it('prefixes a field of an input object with its argument', () => {
    expect(argumentPath('email', args('signUp'))).toBe('input.email');
    expect(argumentPath('0.value', args('record'))).toBe('input.0.value');
  });

  it('keeps a path that already starts at an argument, and one it cannot place', () => {
    expect(argumentPath('days', args('series'))).toBe('days');
    expect(argumentPath('input.email', args('signUp'))).toBe('input.email');
    expect(argumentPath('unknown', args('signUp'))).toBe('unknown');
  });

  it('reads the path of a variable graphql-js refused', () => {
    expect(
      variableErrorField(
        'Variable "$input" got invalid value "x" at "input.email"; Expected type "EmailAddress". Invalid',
      ),
    ).toBe('input.email');
    expect(
      variableErrorField(
        'Variable "$input" got invalid value { a: 1 }; Field "extra" is not defined by type "SignInInput".',
      ),
    ).toBe('input.extra');
    expect(
      variableErrorField(
        'Variable "$input" got invalid value {}; Field "password" of required type "String!" was not provided.',
      ),
    ).toBe('input.password');
    expect(variableErrorField('Variable "$input" of required type "SignUpInput!" was not provided.')).toBe(
      'input',
    );
    expect(
      variableErrorField(
        'Variable "$input" got invalid value "X" at "input[1].metricType"; Value "X" does not exist',
      ),
    ).toBe('input.1.metricType');
    expect(variableErrorField('Cannot query field "x" on type "Query".')).toBeNull();
  });
});
