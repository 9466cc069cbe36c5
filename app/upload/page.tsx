import type { Metadata } from "next";
import Link from "next/link";
import { UploadForm } from "@/components/upload/upload-form";
import { MAX_UPLOAD_FILES, SUPPORTED_EXTENSIONS } from "@/lib/ingest";
import { canUpload } from "@/lib/server/hosting";
import { currentViewer } from "@/lib/server/viewer";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Upload documents" };

export default async function UploadPage() {
  if (!(await canUpload(await currentViewer()))) {
    return (
      <>
        <h1>Upload documents</h1>
        <p>
          <Link href="/sign-in?next=/upload">Sign in as a teacher</Link> to upload documents and review their questions.
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Upload documents</h1>
      <p className="meta">
        Quarry reads each file, generates questions offline, and keeps them as drafts until you review them. Up to{" "}
        {MAX_UPLOAD_FILES} files at a time.
      </p>
      <UploadForm accept={SUPPORTED_EXTENSIONS.join(",")} maxFiles={MAX_UPLOAD_FILES} />
      <p>
        <Link href="/banks">Import or export a question bank</Link> (Quarry JSON, CSV, Anki, Moodle GIFT).
      </p>
    </>
  );
}
