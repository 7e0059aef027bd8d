/** Engines that have a lab page; the others run from the command line until their views exist. */
export const LAB_ENGINES: readonly string[] = ['jobshop', 'vm', 'llm'];
