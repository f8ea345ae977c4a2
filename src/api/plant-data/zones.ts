// Stand-in until the move of src/api/*.ts into plant-data/ lands on main.
export * from '../plant-data-zones';
