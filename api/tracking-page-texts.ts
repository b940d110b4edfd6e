// The texts of the /track page, per customer language (see tracking-page.ts). The proposal and
// question blocks reuse the answer pages' texts (response-page-texts.ts).
import type { CustomerLanguage } from './customer-view.js';

type Outcome = 'accepted' | 'rejected' | 'deemed_accepted';

export interface TrackingPageTexts {
  title: string;
  intro: string;
  referenceLabel: string;
  pinLabel: string;
  submit: string;
  /** The link to this page in the other language, named in that language. */
  otherLanguage: { language: CustomerLanguage; name: string };
  receivedAt: string;
  acknowledgedAt: string;
  aimToAnswerBy: string;
  closedAt: string;
  answered(outcome: Outcome, when: string): string;
  askedAt(when: string): string;
  /** We never mint answer links here: the customer answers through the one we sent. */
  answerThroughMessage: string;
  nextHeading: string;
  trackAnother: string;
  checkForm: string;
  /** What to fix in a field of the form (`reference`, `pin`). */
  fieldProblem(path: string): string;
  /** The same words for a wrong PIN and an unknown reference, so neither tells which. */
  noMatch: string;
  tooManyAttempts(minutes: number): string;
}

export const TRACKING_TEXTS: Readonly<Record<CustomerLanguage, TrackingPageTexts>> = {
  en: {
    title: 'Track your complaint',
    intro: 'Enter the reference and PIN from the confirmation we sent you.',
    referenceLabel: 'Reference',
    pinLabel: 'PIN (8 digits)',
    submit: 'Show my complaint',
    otherLanguage: { language: 'tr', name: 'Türkçe' },
    receivedAt: 'Received on',
    acknowledgedAt: 'Confirmed on',
    aimToAnswerBy: 'We aim to answer by',
    closedAt: 'Closed on',
    answered: (outcome, when) =>
      ({
        accepted: `You accepted this proposal on ${when}.`,
        rejected: `You rejected this proposal on ${when}.`,
        deemed_accepted: `You did not answer in time, so we considered this proposal accepted on ${when}.`,
      })[outcome],
    askedAt: (when) => `We asked on ${when}.`,
    answerThroughMessage:
      'To answer, please use the link we sent you by e-mail or SMS with our latest message. This page only shows your complaint.',
    nextHeading: 'What happens next',
    trackAnother: 'Track another complaint',
    checkForm: 'Please check the form:',
    fieldProblem: (path) =>
      ({
        reference: 'Enter the reference exactly as in our message, for example CMP-2026-000123.',
        pin: 'Enter the 8-digit PIN from our confirmation.',
      })[path] ?? 'Something in the form is not right; please try again.',
    noMatch: 'We could not find a complaint with this reference and PIN. Please check both and try again.',
    tooManyAttempts: (minutes) =>
      `Too many attempts. For your security, please try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
  },
  tr: {
    title: 'Şikâyetinizi takip edin',
    intro: 'Size gönderdiğimiz onay mesajındaki referans numarasını ve PIN kodunu girin.',
    referenceLabel: 'Referans numarası',
    pinLabel: 'PIN kodu (8 hane)',
    submit: 'Şikâyetimi göster',
    otherLanguage: { language: 'en', name: 'English' },
    receivedAt: 'Alındığı tarih',
    acknowledgedAt: 'Kayda alındığı tarih',
    aimToAnswerBy: 'Hedeflediğimiz yanıt tarihi',
    closedAt: 'Kapatıldığı tarih',
    answered: (outcome, when) =>
      ({
        accepted: `Bu öneriyi ${when} tarihinde kabul ettiniz.`,
        rejected: `Bu öneriyi ${when} tarihinde reddettiniz.`,
        deemed_accepted: `Süresi içinde yanıtlamadığınız için bu öneri ${when} tarihinde kabul edilmiş sayıldı.`,
      })[outcome],
    askedAt: (when) => `Sorma tarihi: ${when}.`,
    answerThroughMessage:
      'Yanıt vermek için lütfen son mesajımızla size e-posta ya da SMS ile gönderdiğimiz bağlantıyı kullanın. Bu sayfa yalnızca şikâyetinizi gösterir.',
    nextHeading: 'Bundan sonra ne olacak',
    trackAnother: 'Başka bir şikâyeti takip edin',
    checkForm: 'Lütfen formu kontrol edin:',
    fieldProblem: (path) =>
      ({
        reference: 'Referans numarasını mesajımızdaki gibi girin, örneğin CMP-2026-000123.',
        pin: 'Onay mesajımızdaki 8 haneli PIN kodunu girin.',
      })[path] ?? 'Formda bir sorun var; lütfen yeniden deneyin.',
    noMatch: 'Bu referans numarası ve PIN koduyla eşleşen bir şikâyet bulamadık. Lütfen ikisini de kontrol edip yeniden deneyin.',
    tooManyAttempts: (minutes) => `Çok fazla deneme yapıldı. Güvenliğiniz için lütfen ${minutes} dakika sonra yeniden deneyin.`,
  },
};
