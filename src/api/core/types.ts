// Stand-in until the move of src/api/*.ts into core/ lands on main (then replaced by it).
export * from '../types';
