export * from './evidence.ts';
export * from './dialogue-session.ts';
export * from './responsible-ai-frameworks.ts';
export * from './ai-use-register.ts';
export * from './follow-through.ts';
