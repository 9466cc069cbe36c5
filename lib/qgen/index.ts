export { generateBank, type GenerateOptions, type GenerateWarning, type SourceDocument } from "./generate";
export { auditBank, type Defect } from "./audit";
export * from "./bank";
