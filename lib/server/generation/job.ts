import type { GenerateJob, GenerateResult } from "./generate-job";
import type { FormJob, FormResult } from "./form-job";
import type { JobProgress, ReadJob, ReadResult } from "./read-job";

export type { FormJob, FormResult, GenerateJob, GenerateResult, JobProgress, ReadJob, ReadResult };
export type Job = ReadJob | GenerateJob | FormJob;
export type JobResult<J extends Job> = J extends GenerateJob
  ? GenerateResult
  : J extends FormJob
    ? FormResult
    : ReadResult;
