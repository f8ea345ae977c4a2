export * from './catalogue';
export * from './core';
export * from './plants';
export * from './plant-data';
export * from './control';
export * from './iv';
export * from './enrolment';
export * from './request';
