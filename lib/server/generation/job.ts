import type { GenerateJob, GenerateResult } from "./generate-job";
import type { JobProgress, ReadJob, ReadResult } from "./read-job";

export type { GenerateJob, GenerateResult, JobProgress, ReadJob, ReadResult };
export type Job = ReadJob | GenerateJob;
export type JobResult<J extends Job> = J extends GenerateJob ? GenerateResult : ReadResult;
