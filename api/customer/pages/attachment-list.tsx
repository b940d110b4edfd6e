// The evidence a customer attached, as the tracking page shows it to them: names, types and
// sizes only. Downloads are for staff (the tracking page has no session a link could carry).
import type { AttachmentInfo, AttachmentStore } from '../../../read-model/attachments.js';
import { formatFileSize } from '../../../texts/file-size.js';
import type { Language } from '../../../texts/languages.js';
import { translate } from '../../../texts/translate.js';

/** What the customer sees of one of their attachments. */
export type CustomerAttachment = Pick<AttachmentInfo, 'name' | 'contentType' | 'sizeBytes'>;

/** The complaint's attachments for its customer (the caller has checked reference and PIN). */
export async function customerAttachments(store: AttachmentStore, complaintId: string): Promise<CustomerAttachment[]> {
  return (await store.list(complaintId)).map(({ name, contentType, sizeBytes }) => ({ name, contentType, sizeBytes }));
}

/** A section listing the attachments; nothing when there are none. */
export function AttachmentList({ language, attachments }: { language: Language; attachments: readonly CustomerAttachment[] }) {
  if (attachments.length === 0) return null;
  return (
    <section aria-labelledby="attachments-heading">
      <h2 id="attachments-heading">{translate(language, 'attachments.heading')}</h2>
      <ul>
        {attachments.map((a) => (
          <li>
            <bdi>{a.name}</bdi> ({formatFileSize(a.sizeBytes, language)})
          </li>
        ))}
      </ul>
    </section>
  );
}
