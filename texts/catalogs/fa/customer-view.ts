// The customer view's words, in Persian (keys: ../en/customer-view.ts): status labels, remedy
// labels and what happens next.
import type { customerView as source } from '../en/customer-view.js';

export const customerView: Readonly<Record<keyof typeof source, string>> = {
  'view.status.created': 'ثبت‌شده',
  'view.status.in_progress': 'در حال رسیدگی',
  'view.status.under_review': 'در حال بررسی',
  'view.status.resolved': 'حل‌شده',
  'view.status.closed': 'بسته‌شده',
  'view.status.open': 'باز',

  'view.remedy.refund': 'بازپرداخت وجه',
  'view.remedy.replacement': 'تعویض کالا',
  'view.remedy.repair': 'تعمیر',
  'view.remedy.credit': 'اعتبار در حساب',
  'view.remedy.apology': 'عذرخواهی',
  'view.remedy.explanation': 'توضیح',
  'view.remedy.other': 'سایر',

  'view.next.received': 'شکایت شما را دریافت کرده‌ایم و به‌زودی دریافت آن را به شما تأیید می‌کنیم.',
  'view.next.acknowledged': 'دریافت شکایت شما را تأیید کرده‌ایم و آن را به تیم مربوط ارجاع می‌دهیم.',
  'view.next.in_review': 'یکی از کارشناسان ما در حال بررسی شکایت شماست.',
  'view.next.investigating': 'در حال بررسی دقیق شکایت شما هستیم و راه‌حلی به شما پیشنهاد خواهیم کرد.',
  'view.next.awaiting_customer':
    'برای ادامه به پاسخ شما نیاز داریم: لطفاً از طریق پیوندی که برایتان فرستادیم به پرسش ما پاسخ دهید.',
  'view.next.resolution_proposed':
    'راه‌حلی پیشنهاد کرده‌ایم: لطفاً از طریق پیوندی که برایتان فرستادیم آن را بپذیرید یا رد کنید.',
  'view.next.reinvestigating':
    'شما پیشنهاد ما را رد کردید؛ از این رو شکایتتان را دوباره بررسی می‌کنیم و پیشنهاد جدیدی به شما خواهیم داد.',
  'view.next.open_external':
    'نتوانستیم بر سر راه‌حلی به توافق برسیم. می‌توانید شکایت خود را نزد یک نهاد مستقل مطرح کنید؛ مراجعی را که می‌توانید به آن‌ها رجوع کنید برایتان فرستاده‌ایم. شکایت شما باز می‌ماند.',

  'view.closed.accepted': 'راه‌حل ما را پذیرفتید و شکایت شما بسته شد. سپاسگزاریم.',
  'view.closed.deemed_accepted':
    'چون در مهلت مقرر به پیشنهاد ما پاسخ ندادید، آن را پذیرفته‌شده تلقی می‌کنیم؛ شکایت شما بسته شد.',
  'view.closed.withdrawn': 'شکایت شما پس گرفته شد و بسته شد.',
  'view.closed.out_of_scope': 'شکایت شما خارج از حیطه‌ی رسیدگی ماست و از این رو بسته شد؛ دلیل آن را به شما اطلاع داده‌ایم.',
  'view.closed.duplicate':
    'این شکایت تکرار شکایت دیگری است که در حال رسیدگی به آن هستیم، از این رو بسته شد؛ رسیدگی را در آن شکایت ادامه می‌دهیم.',
  'view.closed.external_decision': 'نهاد مستقل تصمیم خود را اعلام کرده، ما آن را ثبت کرده‌ایم و شکایت شما بسته شد.',
  'view.closed.no_response':
    'اطلاعاتی را که از شما خواسته بودیم در مهلت مقرر دریافت نکردیم، از این رو شکایت شما بسته شد. اگر مایلید رسیدگی را ادامه دهیم، با ما تماس بگیرید.',
  'view.closed.closed': 'شکایت شما بسته شد.',
};
