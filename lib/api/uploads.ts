/** One line of the upload progress stream (application/x-ndjson). */
export type UploadEvent =
  | { type: "accepted"; files: string[] }
  | {
      type: "progress";
      file: string;
      stage: "reading" | "parsing" | "extracting" | "saving" | "generating";
      fraction: number;
    }
  | { type: "done"; file: string; documentId: string; title: string; questions: number }
  | { type: "duplicate"; file: string; documentId: string; title: string; message: string }
  /** `documentId`: the file was saved but its questions could not be generated (retry or delete it). */
  | { type: "failed"; file: string; code: string; message: string; documentId?: string }
  | { type: "finished"; added: number; failed: number };

export const UPLOAD_STAGES = ["reading", "parsing", "extracting", "saving", "generating"] as const;
