import { createRequire } from 'node:module';
import { PrefgameError } from '../errors.js';
import type { Field } from '../schema/field.js';
import { criterionIndex } from '../preferences/names.js';

/** The subset of mathjs's expression tree that linear constraints use. */
interface MathNode {
  type: string;
  op?: string;
  fn?: string | MathNode;
  args?: MathNode[];
  value?: unknown;
  name?: string;
  content?: MathNode;
  conditionals?: string[];
  params?: MathNode[];
  toString(): string;
}

type Parse = (text: string) => MathNode;
let parse: Parse | undefined;

/**
 * mathjs's parser, loaded on first use: its one-file bundle loads in ~0.1 s where the ESM entry
 * takes ~0.8 s, and most problems have no constraint strings at all. Only `parse` is used; no
 * expression is ever evaluated.
 */
function parser(): Parse {
  if (!parse) {
    const mathjs = createRequire(import.meta.url)('mathjs/lib/browser/math.js') as {
      create: (factories: unknown) => { parse: Parse };
      parseDependencies: unknown;
    };
    parse = mathjs.create({ parseDependencies: mathjs.parseDependencies }).parse;
  }
  return parse;
}

/** `sum_c coefficients[c] z_c + constant`. */
interface LinearExpression {
  coefficients: Float64Array;
  constant: number;
}

/** One parsed constraint `normal . z >= offset` (an equality gives two). */
export interface LinearConstraint {
  normal: Float64Array;
  offset: number;
}

const comparisons: Record<string, 'ge' | 'le' | 'eq' | 'strict'> = {
  largerEq: 'ge',
  smallerEq: 'le',
  equal: 'eq',
  larger: 'strict',
  smaller: 'strict',
  '>=': 'ge',
  '<=': 'le',
  '==': 'eq',
  '>': 'strict',
  '<': 'strict',
};

function linearize(node: MathNode, criteria: readonly string[], field: Field, text: string): LinearExpression {
  const k = criteria.length;
  const nonlinear = (why: string) =>
    new PrefgameError('PREF_ERR_CONSTRAINT_NONLINEAR', `${field} "${text}" is not linear: ${why}`, field.pointer);
  const isConstant = (expression: LinearExpression) => expression.coefficients.every((value) => value === 0);
  switch (node.type) {
    case 'ConstantNode': {
      const value = node.value;
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new PrefgameError(
          'PREF_ERR_CONSTRAINT_SYNTAX',
          `${field} "${text}": ${String(node)} is not a finite number`,
          field.pointer,
        );
      }
      return { coefficients: new Float64Array(k), constant: value };
    }
    case 'SymbolNode': {
      const coefficients = new Float64Array(k);
      coefficients[criterionIndex(criteria, node.name ?? '', field)] = 1;
      return { coefficients, constant: 0 };
    }
    case 'ParenthesisNode':
      return linearize(node.content as MathNode, criteria, field, text);
    case 'OperatorNode': {
      const args = (node.args ?? []).map((argument) => linearize(argument, criteria, field, text));
      const combine = (a: LinearExpression, b: LinearExpression, sign: number): LinearExpression => ({
        coefficients: a.coefficients.map((value, c) => value + sign * b.coefficients[c]),
        constant: a.constant + sign * b.constant,
      });
      const scale = (a: LinearExpression, factor: number): LinearExpression => ({
        coefficients: a.coefficients.map((value) => value * factor),
        constant: a.constant * factor,
      });
      switch (node.fn) {
        case 'add':
          return combine(args[0], args[1], 1);
        case 'subtract':
          return combine(args[0], args[1], -1);
        case 'unaryMinus':
          return scale(args[0], -1);
        case 'unaryPlus':
          return args[0];
        case 'multiply':
          if (isConstant(args[0])) return scale(args[1], args[0].constant);
          if (isConstant(args[1])) return scale(args[0], args[1].constant);
          throw nonlinear(`${String(node)} multiplies two criteria`);
        case 'divide':
          if (!isConstant(args[1])) throw nonlinear(`${String(node)} divides by a criterion`);
          if (args[1].constant === 0)
            throw new PrefgameError('PREF_ERR_CONSTRAINT_SYNTAX', `${field} "${text}" divides by zero`, field.pointer);
          return scale(args[0], 1 / args[1].constant);
        default:
          throw nonlinear(`the operator "${node.op}" is not allowed (use + - * / with numbers)`);
      }
    }
    case 'FunctionNode':
      throw nonlinear(`functions such as ${String(node)} are not allowed`);
    default:
      throw new PrefgameError(
        'PREF_ERR_CONSTRAINT_SYNTAX',
        `${field} "${text}": ${node.type.replace(/Node$/, '').toLowerCase()} "${String(node)}" is not allowed in a constraint`,
        field.pointer,
      );
  }
}

function relation(left: LinearExpression, right: LinearExpression, kind: 'ge' | 'le' | 'eq'): LinearConstraint[] {
  // left >= right  <=>  (left - right).z >= right.constant - left.constant
  const normal = left.coefficients.map((value, c) => value - right.coefficients[c]);
  const offset = right.constant - left.constant;
  const greater = { normal, offset };
  const less = { normal: normal.map((value) => (value === 0 ? 0 : -value)), offset: offset === 0 ? 0 : -offset };
  return kind === 'ge' ? [greater] : kind === 'le' ? [less] : [greater, less];
}

/**
 * Parses a linear constraint over criterion names, such as `"0.6*safety + 0.4*comfort >= 0.5"`,
 * `"safety - comfort <= 0.2"`, `"safety == comfort"` or the chain `"0.2 <= safety <= 0.8"`, into
 * rows `normal . z >= offset`. The text is parsed by mathjs and walked as a tree: only numbers,
 * criterion names, parentheses, `+ - * /` with a numeric factor, and one of `>= <= ==` are
 * accepted; nothing is evaluated. Errors: `PREF_ERR_CONSTRAINT_SYNTAX` (unparseable, no
 * comparison, strict comparison), `PREF_ERR_CONSTRAINT_NONLINEAR` (products of criteria,
 * powers, functions), `PREF_ERR_UNKNOWN_CRITERION`, `PREF_ERR_NON_FINITE` (a coefficient that
 * overflows, as in `1e308*1e308*speed`).
 *
 * @example
 * ```ts
 * parseConstraint('safety - comfort <= 0.2', ['safety', 'comfort'], new Field(['target', 'constraints', 0]))
 * // [{ normal: [-1, 1], offset: -0.2 }]
 * ```
 */
export function parseConstraint(text: string, criteria: readonly string[], field: Field): LinearConstraint[] {
  let tree: MathNode;
  try {
    tree = parser()(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new PrefgameError(
      'PREF_ERR_CONSTRAINT_SYNTAX',
      `${field} "${text}" cannot be parsed: ${reason}`,
      field.pointer,
    );
  }
  while (tree.type === 'ParenthesisNode' && tree.content) tree = tree.content;
  const syntax = (why: string) =>
    new PrefgameError('PREF_ERR_CONSTRAINT_SYNTAX', `${field} "${text}" ${why}`, field.pointer);
  let operands: MathNode[];
  let operators: string[];
  if (tree.type === 'OperatorNode' && typeof tree.fn === 'string' && tree.fn in comparisons) {
    operands = tree.args ?? [];
    operators = [tree.fn];
  } else if (tree.type === 'RelationalNode') {
    operands = tree.params ?? [];
    operators = tree.conditionals ?? [];
  } else if (tree.type === 'AssignmentNode') {
    throw syntax('uses "=": write "==" for an equality');
  } else {
    throw syntax('must compare two linear expressions with >=, <= or ==');
  }
  const expressions = operands.map((operand) => linearize(operand, criteria, field, text));
  const rows: LinearConstraint[] = [];
  operators.forEach((operator, index) => {
    const kind = comparisons[operator];
    if (kind === undefined) throw syntax(`uses the comparison "${operator}"; use >=, <= or ==`);
    if (kind === 'strict') throw syntax('uses a strict comparison; use >= or <= (a target set must be closed)');
    rows.push(...relation(expressions[index], expressions[index + 1], kind));
  });
  // Finite literals can still multiply, divide or add up past the doubles (1e308*1e308*speed).
  for (const row of rows) {
    if (!Number.isFinite(row.offset) || !row.normal.every(Number.isFinite)) {
      throw new PrefgameError(
        'PREF_ERR_NON_FINITE',
        `${field} "${text}" has a coefficient or constant that overflows to ${row.normal.find((value) => !Number.isFinite(value)) ?? row.offset}`,
        field.pointer,
      );
    }
  }
  return rows;
}
