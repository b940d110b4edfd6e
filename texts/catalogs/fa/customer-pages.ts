// What the customer reads on the HTML pages: /track and the /r/{token} answer pages, in Persian
// (keys: ../en/customer-pages.ts).
import type { customerPages as source } from '../en/customer-pages.js';

export const customerPages: Readonly<Record<keyof typeof source, string>> = {
  'page.complaintTitle': 'شکایت شما به شماره‌ی {reference}',
  'page.status': 'وضعیت: {label}',
  'page.proposal.heading': '{again, select, yes {پیشنهاد جدید ما (مرحله‌ی {round, number})} other {پیشنهاد ما}}',
  'page.proposal.remedy': 'آنچه پیشنهاد می‌کنیم',
  'page.proposal.amount': 'مبلغ',
  'page.proposal.answerBy': 'لطفاً تا {answerDueAt} پاسخ دهید.',
  'page.questionHeading': 'پرسش ما',

  'page.answer.viewOnly': 'باز کردن این صفحه به معنای پاسخ دادن نیست. پاسخ شما فقط با دکمه‌های زیر فرستاده می‌شود.',
  'page.answer.accept': 'پیشنهاد را می‌پذیرم',
  'page.answer.reasonLabel': 'راضی نیستید؟ دلیل آن را بنویسید و پیشنهاد را رد کنید:',
  'page.answer.reject': 'پیشنهاد را رد می‌کنم',
  'page.answer.answerLabel': 'پاسخ شما',
  'page.answer.send': 'ارسال پاسخ',
  'page.answer.thanksTitle': 'سپاسگزاریم، پاسخ شما را دریافت کردیم',
  'page.answer.received':
    'پاسخ شما را دریافت کردیم و در حال ثبت آن در شکایت شما هستیم. کار دیگری لازم نیست؛ ظرف چند دقیقه در صفحهٔ شکایت شما دیده می‌شود.',
  'page.answer.checkAnswer': 'لطفاً پاسخ خود را بررسی کنید:',
  'page.answer.field.reason': 'بنویسید چرا پیشنهاد را رد می‌کنید (حداکثر ۲٬۰۰۰ نویسه).',
  'page.answer.field.text': 'پاسخ خود را به پرسش ما بنویسید (حداکثر ۵٬۰۰۰ نویسه).',
  'page.answer.field.decision': 'انتخاب کنید که پیشنهاد را می‌پذیرید یا رد می‌کنید.',
  'page.form.fieldOther': 'بخشی از فرم درست نیست؛ لطفاً دوباره تلاش کنید.',

  'page.problem.NOT_FOUND.title': 'این پیوند معتبر نیست',
  'page.problem.NOT_FOUND.text':
    'لطفاً پیوند آخرین پیام ما را دقیقاً همان‌طور که فرستاده‌ایم باز کنید، یا شکایت خود را با شماره‌ی شکایت و رمز پیگیری (PIN) دنبال کنید.',
  'page.problem.GONE.title': 'این پیوند دیگر معتبر نیست',
  'page.problem.GONE.text':
    'مهلت آن به پایان رسیده، پیش‌تر به آن پاسخ داده شده یا پیام جدیدتری جایگزین آن شده است. لطفاً از پیوند آخرین پیام ما استفاده کنید.',
  'page.problem.INVALID_TRANSITION.title': 'در حال حاضر نمی‌توانیم این پاسخ را بپذیریم',
  'page.problem.INVALID_TRANSITION.text':
    'از زمانی که این پیوند را فرستادیم، رسیدگی به شکایت شما وارد مرحله‌ی دیگری شده است. لطفاً آخرین پیام ما را ببینید.',
  'page.problem.TEMPORARILY_UNAVAILABLE.title': 'لطفاً کمی بعد دوباره تلاش کنید',
  'page.problem.TEMPORARILY_UNAVAILABLE.text':
    'در این لحظه نتوانستیم پاسخ شما را دریافت کنیم. چیزی ثبت نشد؛ لطفاً چند دقیقه‌ی دیگر دوباره تلاش کنید.',
  'page.problem.INTERNAL.title': 'خطایی رخ داد',
  'page.problem.INTERNAL.text': 'خطایی در سامانه‌ی ما رخ داد. لطفاً بعداً دوباره تلاش کنید.',
  'page.problem.PAYLOAD_TOO_LARGE.title': 'متن شما بیش از حد طولانی است',
  'page.problem.PAYLOAD_TOO_LARGE.text': 'آنچه فرستادید از آنچه این صفحه می‌پذیرد طولانی‌تر است. لطفاً بازگردید، آن را کوتاه کنید و دوباره بفرستید.',

  'page.tracking.title': 'پیگیری شکایت',
  'page.tracking.intro': 'شماره‌ی شکایت و رمز پیگیری (PIN) را از پیام تأییدی که برایتان فرستادیم وارد کنید.',
  'page.tracking.referenceLabel': 'شماره‌ی شکایت',
  'page.tracking.pinLabel': 'رمز پیگیری (PIN، ۸ رقم)',
  'page.tracking.submit': 'نمایش شکایت من',
  'page.tracking.receivedAt': 'تاریخ دریافت',
  'page.tracking.acknowledgedAt': 'تاریخ تأیید',
  'page.tracking.aimToAnswerBy': 'موعد پاسخ‌گویی ما',
  'page.tracking.nextUpdateBy': 'موعد گزارش بعدی ما',
  'page.tracking.laterThanPlanned': 'پاسخ‌گویی به شما بیش از آنچه برنامه‌ریزی کرده بودیم طول کشیده است؛ بابت این انتظار پوزش می‌خواهیم.',
  'page.tracking.closedAt': 'تاریخ بسته شدن',
  'page.tracking.answered':
    '{outcome, select, ' +
    'accepted {شما این پیشنهاد را در تاریخ {answeredAt} پذیرفتید.} ' +
    'rejected {شما این پیشنهاد را در تاریخ {answeredAt} رد کردید.} ' +
    'other {چون در مهلت مقرر پاسخ ندادید، این پیشنهاد در تاریخ {answeredAt} پذیرفته‌شده تلقی شد.}}',
  'page.tracking.askedAt': 'این پرسش را در تاریخ {askedAt} مطرح کردیم.',
  'page.tracking.answerThroughMessage':
    'برای پاسخ دادن، لطفاً از پیوندی استفاده کنید که همراه آخرین پیام‌مان با ایمیل یا پیامک برایتان فرستادیم. این صفحه فقط شکایت شما را نشان می‌دهد.',
  'page.tracking.nextHeading': 'گام بعدی',
  'page.tracking.trackAnother': 'پیگیری شکایتی دیگر',
  'page.tracking.checkForm': 'لطفاً فرم را بررسی کنید:',
  'page.tracking.field.reference': 'شماره‌ی شکایت را دقیقاً مانند پیام ما وارد کنید، برای نمونه CMP-2026-000123.',
  'page.tracking.field.pin': 'رمز پیگیری ۸ رقمی را از پیام تأیید ما وارد کنید.',
  'page.tracking.noMatch': 'شکایتی با این شماره و رمز پیگیری پیدا نکردیم. لطفاً هر دو را بررسی کنید و دوباره تلاش کنید.',
  'page.tracking.tooManyAttempts':
    'تعداد تلاش‌ها بیش از حد مجاز است. برای حفظ امنیت شما، لطفاً {minutes, plural, one {# دقیقه‌ی دیگر} other {# دقیقه‌ی دیگر}} دوباره تلاش کنید.',
};
