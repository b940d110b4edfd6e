// اعلان به کارکنان وقتی پیامی تحویل داده نمی‌شود، به فارسی.
import type { deliveryMessages as source } from '../en/delivery-messages.js';

export const deliveryMessages: Readonly<Record<keyof typeof source, string>> = {
  'delivery.failed.subject': 'یک پیام تحویل داده نشد',
  'delivery.failed.intro':
    'پیام «{messageSubject}» به {recipient} ({channel, select, email {ایمیل} sms {پیامک} other {ایمیل کارکنان}}) تحویل داده نشد{bounced, select, yes {: نشانی گیرنده پذیرفته نشد} other {، پس از {attempts, plural, one {# تلاش} other {# تلاش}}}}.',
  'delivery.failed.error': 'آخرین خطا: {error}',
  'delivery.failed.action':
    'نشانی را با مشتری بررسی کنید، در صورت نیاز آن را اصلاح کنید و پیام را از سابقهٔ مکاتبات شکایت دوباره بفرستید، یا از راه دیگری با مشتری تماس بگیرید.',
};
