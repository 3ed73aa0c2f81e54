export * from './streams.js';
export { trialKey } from './trialKey.js';
export { normal, normalQuantile } from './normal.js';
export { lognormal } from './lognormal.js';
export { gamma, gammaMeanSd } from './gamma.js';
export { betaMeanConcentration } from './beta.js';
export { poisson, poissonInverse, poissonPtrs, POISSON_INVERSION_MAX } from './poisson.js';
export { binomial, binomialInverse, binomialBtrs, BINOMIAL_INVERSION_MAX } from './binomial.js';
export { logFactorial } from './logFactorial.js';
