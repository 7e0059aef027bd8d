/** localStorage keys of the labs' editor drafts (see editor/use-persistent-source.ts); the sweep builder reads them too. */
export const LAB_DRAFT_KEYS = { jobshop: 'lab:jobshop', vm: 'lab:vm', llm: 'lab:llm' } as const;
