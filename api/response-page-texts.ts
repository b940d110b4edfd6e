// The texts of the /r/{token} pages, per customer language (see response-pages.ts).
import type { ErrorCode } from '../domain/errors.js';
import type { CustomerLanguage } from './customer-view.js';

export interface PageTexts {
  title(reference: string): string;
  status(label: string): string;
  proposalHeading(round: number): string;
  remedy: string;
  amount: string;
  answerBy(when: string): string;
  viewOnly: string;
  accept: string;
  reasonLabel: string;
  reject: string;
  questionHeading: string;
  answerLabel: string;
  send: string;
  thanksTitle: string;
  checkAnswer: string;
  /** What to fix in a field of the form (`decision`, `reason`, `text`). */
  fieldProblem(path: string): string;
  /** Title and text of the page for a refused link or answer, by error code. */
  problems: Partial<Record<ErrorCode, readonly [string, string]>> & { INTERNAL: readonly [string, string] };
}

export const PAGE_TEXTS: Readonly<Record<CustomerLanguage, PageTexts>> = {
  en: {
    title: (reference) => `Your complaint ${reference}`,
    status: (label) => `Status: ${label}`,
    proposalHeading: (round) => (round > 1 ? `Our new proposal (round ${round})` : 'Our proposal'),
    remedy: 'What we offer',
    amount: 'Amount',
    answerBy: (when) => `Please answer by ${when}.`,
    viewOnly: 'Opening this page does not answer. Only the buttons below send your answer.',
    accept: 'Accept the proposal',
    reasonLabel: 'Not satisfied? Tell us why, and reject the proposal:',
    reject: 'Reject the proposal',
    questionHeading: 'Our question',
    answerLabel: 'Your answer',
    send: 'Send my answer',
    thanksTitle: 'Thank you, we have your answer',
    checkAnswer: 'Please check your answer:',
    fieldProblem: (path) =>
      ({
        reason: 'Tell us why you reject the proposal (at most 2,000 characters).',
        text: 'Write your answer to our question (at most 5,000 characters).',
        decision: 'Choose whether you accept or reject the proposal.',
      })[path] ?? 'Something in the form is not right; please try again.',
    problems: {
      NOT_FOUND: [
        'This link is not valid',
        'Please open the link from our latest message exactly as we sent it, or track your complaint with its reference and PIN.',
      ],
      GONE: [
        'This link is no longer valid',
        'It has expired, it was already answered, or a newer message replaced it. Please use the link from our latest message.',
      ],
      INVALID_TRANSITION: [
        'We cannot take this answer now',
        'Your complaint has moved on since we sent this link. Please see our latest message.',
      ],
      TEMPORARILY_UNAVAILABLE: [
        'Please try again shortly',
        'We could not take your answer just now. Nothing was recorded; please try again in a few minutes.',
      ],
      INTERNAL: ['Something went wrong', 'Something went wrong on our side. Please try again later.'],
    },
  },
  tr: {
    title: (reference) => `${reference} numaralı şikâyetiniz`,
    status: (label) => `Durum: ${label}`,
    proposalHeading: (round) => (round > 1 ? `Yeni çözüm önerimiz (${round}. tur)` : 'Çözüm önerimiz'),
    remedy: 'Önerdiğimiz',
    amount: 'Tutar',
    answerBy: (when) => `Lütfen ${when} tarihine kadar yanıtlayın.`,
    viewOnly: 'Bu sayfayı açmak yanıt vermek anlamına gelmez. Yanıtınız yalnızca aşağıdaki düğmelerle gönderilir.',
    accept: 'Öneriyi kabul ediyorum',
    reasonLabel: 'Memnun değil misiniz? Nedenini yazın ve öneriyi reddedin:',
    reject: 'Öneriyi reddediyorum',
    questionHeading: 'Sorumuz',
    answerLabel: 'Yanıtınız',
    send: 'Yanıtımı gönder',
    thanksTitle: 'Teşekkürler, yanıtınızı aldık',
    checkAnswer: 'Lütfen yanıtınızı kontrol edin:',
    fieldProblem: (path) =>
      ({
        reason: 'Öneriyi neden reddettiğinizi yazın (en fazla 2.000 karakter).',
        text: 'Sorumuza yanıtınızı yazın (en fazla 5.000 karakter).',
        decision: 'Öneriyi kabul mü yoksa ret mi ettiğinizi seçin.',
      })[path] ?? 'Formda bir sorun var; lütfen yeniden deneyin.',
    problems: {
      NOT_FOUND: [
        'Bu bağlantı geçerli değil',
        'Lütfen son mesajımızdaki bağlantıyı gönderdiğimiz gibi açın ya da şikâyetinizi referans numarası ve PIN ile takip edin.',
      ],
      GONE: [
        'Bu bağlantı artık geçerli değil',
        'Süresi dolmuş, daha önce yanıtlanmış ya da yerine yeni bir mesaj gönderilmiş. Lütfen son mesajımızdaki bağlantıyı kullanın.',
      ],
      INVALID_TRANSITION: [
        'Bu yanıtı şu anda alamıyoruz',
        'Bu bağlantıyı gönderdiğimizden bu yana şikâyetiniz ilerledi. Lütfen son mesajımıza bakın.',
      ],
      TEMPORARILY_UNAVAILABLE: [
        'Lütfen biraz sonra yeniden deneyin',
        'Yanıtınızı şu anda alamadık. Hiçbir şey kaydedilmedi; lütfen birkaç dakika sonra yeniden deneyin.',
      ],
      INTERNAL: ['Bir sorun oluştu', 'Bizim tarafımızda bir sorun oluştu. Lütfen daha sonra yeniden deneyin.'],
    },
  },
};
