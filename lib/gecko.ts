/** Firefox (Gecko) by its user agent, where a running script cannot know its build (the userscript, shared code). */
export const isGecko = (userAgent: string): boolean => /\bFirefox\//.test(userAgent);
