export { acEnrolment, ENROLMENT_OPERATIONS, runEnrolment, snEnrolment, snRegistration } from './workflow';
export { checkNmiCodes } from './ac';
export { nmiCheckDigit, nmiProblem } from './nmi';
