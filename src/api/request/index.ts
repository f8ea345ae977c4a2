export { methodOf, sendRequest, type GenericRequest, type GenericResponse, type HttpMethod } from './send';
export { resolveTarget, type BaseLocation, type RequestTarget } from './path';
export { METHODS, REQUEST_SETTINGS } from './settings';
