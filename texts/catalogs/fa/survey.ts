// نظرسنجی رضایت پس از بستن شکایت (ISO 10004): دعوت در پیام بستن و صفحهٔ نظرسنجی /s/{token}، فارسی.
import type { survey as source } from '../en/survey.js';

export const survey: Record<keyof typeof source, string> = {
  'survey.message.invitation':
    'کار ما چطور بود؟ لطفاً در یک نظرسنجی کوتاه به ما بگویید: دو پرسش، حدود یک دقیقه.{withOpenUntil, select, yes { نظرسنجی تا {openUntil} باز است.} other {}}',

  'survey.page.title': 'چقدر راضی هستید؟',
  'survey.page.intro':
    'شکایت شما به شمارهٔ {reference} بسته شد. لطفاً به ما بگویید از نحوهٔ رسیدگی ما و از نتیجه چقدر راضی هستید.',
  'survey.page.viewOnly': 'باز کردن این صفحه چیزی نمی‌فرستد. فقط دکمهٔ پایین صفحه پاسخ‌های شما را می‌فرستد.',
  'survey.handling.legend': 'از نحوهٔ رسیدگی ما به شکایتتان چقدر راضی هستید؟',
  'survey.outcome.legend': 'از نتیجه چقدر راضی هستید؟',
  'survey.scale.1': '۱ – اصلاً راضی نیستم',
  'survey.scale.2': '۲ – راضی نیستم',
  'survey.scale.3': '۳ – نه راضی، نه ناراضی',
  'survey.scale.4': '۴ – راضی هستم',
  'survey.scale.5': '۵ – بسیار راضی هستم',
  'survey.reasons.legend': 'چه چیزی برای شما مهم‌تر بود؟ هر مورد را که صدق می‌کند علامت بزنید (اختیاری).',
  'survey.reason.speed': 'سرعت رسیدگی ما',
  'survey.reason.communication': 'اینکه چطور شما را در جریان گذاشتیم',
  'survey.reason.fairness': 'اینکه آیا با شما منصفانه رفتار کردیم',
  'survey.reason.staff_attitude': 'رفتار کارکنان ما',
  'survey.reason.clarity': 'روشنی توضیحات ما',
  'survey.reason.outcome': 'خودِ نتیجه',
  'survey.comment.label': 'چیز دیگری هست که بخواهید به ما بگویید؟ (اختیاری، حداکثر ۱٬۰۰۰ نویسه)',
  'survey.comment.hint': 'لطفاً اطلاعات شخصی مانند شمارهٔ تلفن یا نشانی را اینجا ننویسید.',
  'survey.submit': 'فرستادن پاسخ‌هایم',

  'survey.check': 'لطفاً پاسخ‌هایتان را بررسی کنید:',
  'survey.field.handling': 'انتخاب کنید از نحوهٔ رسیدگی ما به شکایتتان چقدر راضی هستید.',
  'survey.field.outcome': 'انتخاب کنید از نتیجه چقدر راضی هستید.',
  'survey.field.reasons': 'فقط دلیل‌های فهرست را علامت بزنید.',
  'survey.field.comment': 'نظر شما حداکثر ۱٬۰۰۰ نویسه می‌تواند باشد و نباید خالی باشد.',
  'survey.field.other': 'چیزی در فرم درست نیست؛ لطفاً دوباره تلاش کنید.',

  'survey.thanks.title': 'از پاسخ‌های شما سپاسگزاریم',
  'survey.thanks.text': 'ما همهٔ پاسخ‌ها را می‌خوانیم و از آن‌ها برای بهتر کردن رسیدگی به شکایت‌ها استفاده می‌کنیم.',
  'survey.answered.title': 'شما پیش‌تر به این نظرسنجی پاسخ داده‌اید',
  'survey.answered.text': 'سپاسگزاریم: پاسخ‌های شما به دست ما رسیده است. برای هر شکایت یک پاسخ می‌پذیریم.',
  'survey.expired.title': 'این نظرسنجی بسته شده است',
  'survey.expired.text': 'مهلت پاسخ دادن به آن گذشته است. با این حال سپاسگزاریم.',
  'survey.invalid.title': 'این پیوند معتبر نیست',
  'survey.invalid.text': 'لطفاً پیوند پیام ما را دقیقاً همان‌طور که فرستادیم باز کنید.',
  'survey.error.title': 'مشکلی پیش آمد',
  'survey.error.text': 'اکنون نتوانستیم نظرسنجی را باز کنیم. لطفاً چند دقیقهٔ دیگر دوباره تلاش کنید.',
  'survey.language.label': 'زبان',
};
