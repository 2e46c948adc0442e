export * from './model';
export * from './fields';
export * from './validate';
export * from './letter';
export * from './xlsx';
export * from './regions';
