export * from './client';
export * from './reference';
