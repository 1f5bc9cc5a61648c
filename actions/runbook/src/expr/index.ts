export { evaluate, truthy } from './evaluate';
export { type Expr, parseExpression, referencedPaths } from './parse';
export { ExpressionError } from './tokenize';
