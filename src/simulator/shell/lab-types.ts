/**
 * The shell's window on the Lab model: the model's types under the names the shell uses.
 * Everything the shell reads about a host comes from these (no second copy of the data).
 */
export type { Lab, Host as LabHost } from '../model';
