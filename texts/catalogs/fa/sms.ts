// پیامک‌های کوتاه، به فارسی (texts/messages/sms.ts): شماره پیگیری، جمله اصلی و پیوند در سطر جدا.
import type { SmsMessageKey } from '../en/sms.js';

export const smsMessages: Readonly<Record<SmsMessageKey, string>> = {
  'sms.acknowledgement': '{reference}: شکایت شما را دریافت کردیم. می‌توانید آن را با کد پیگیری (PIN) خود از اینجا دنبال کنید:',
  'sms.info_requested':
    '{reference}: برای بررسی شکایت شما به اطلاعات بیشتری نیاز داریم.{withDueAt, select, yes { مهلت پاسخ: {dueAt}.} other {}} برای پاسخ دادن:',
  'sms.info_reminder':
    '{reference}: یادآوری: منتظر پاسخ شما به پرسش‌مان هستیم.{withDueAt, select, yes { مهلت پاسخ: {dueAt}.} other {}} برای پاسخ دادن:',
  'sms.resolution_proposed':
    '{reference}: برای حل شکایت شما {again, select, yes {پیشنهاد تازه‌ای} other {پیشنهادی}} داریم.' +
    '{withDueAt, select, yes { مهلت پاسخ: {dueAt}.} other {}} برای دیدن و پاسخ دادن:',
  'sms.answer_reminder':
    '{reference}: یادآوری: منتظر پاسخ شما به پیشنهادمان هستیم.{withDueAt, select, yes { مهلت پاسخ: {dueAt}.} other {}} برای پاسخ دادن:',
  'sms.info_request_lapsed': '{reference}: اطلاعاتی که خواسته بودیم به‌موقع به دست ما نرسید. هنوز می‌توانید آن را از اینجا بفرستید:',
  'sms.info_request_cancelled': '{reference}: دیگر به اطلاعاتی که از شما خواسته بودیم نیازی نداریم. جزئیات:',
  'sms.reinvestigation_started': '{reference}: شکایت شما را دوباره بررسی می‌کنیم.{withDueAt, select, yes { تا {dueAt} پاسخ می‌دهیم.} other {}} جزئیات:',
  'sms.progress_update':
    '{reference}: {withStatus, select, yes {وضعیت شکایت شما: {status}.} other {خبر تازه‌ای درباره شکایت شما داریم.}} جزئیات:',
  'sms.complaint_closed': '{reference}: شکایت شما بسته شد. سپاسگزاریم که ما را در جریان گذاشتید. جزئیات:',
  'sms.external_remedies': '{reference}: اگر از پاسخ ما راضی نیستید، نهادهای مستقل می‌توانند شکایت شما را بررسی کنند. فهرست آن‌ها اینجاست:',
};
