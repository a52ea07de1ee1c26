/** Which kind of patient-level identifier tripped the PHI wire. */
export type PhiKind = 'name' | 'birth-date' | 'record-number' | 'ssn' | 'address' | 'phone' | 'email' | 'service-date';
