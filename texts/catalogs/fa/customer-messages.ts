// What the customer reads in messages, in Persian (keys: ../en/customer-messages.ts). Persian
// letters (ی ک, never Arabic ي ك) and the zero-width non-joiner where Persian spelling needs it
// (می‌شود, شماره‌ی); the catalogs test checks both.
import type { customerMessages as source } from '../en/customer-messages.js';

/** «شکایت شما» with its number when there is one; fits wherever the sentence names the complaint. */
const yourComplaint = '{withReference, select, yes {شکایت شما به شماره‌ی {reference}} other {شکایت شما}}';

export const customerMessages: Readonly<Record<keyof typeof source, string>> = {
  'customer.subjectLine': '{withReference, select, yes {{subject} ({reference})} other {{subject}}}',
  'customer.letter.greeting': '{withName, select, yes {{name} گرامی،} other {مشتری گرامی،}}',
  'customer.letter.signature':
    'با احترام،\n{withSender, select, yes {واحد ارتباط با مشتریان {sender}} other {تیم ارتباط با مشتریان}}',
  'customer.trackingLink': 'می‌توانید روند رسیدگی به شکایت خود را در صفحه‌ی پیگیری آن دنبال کنید:',
  'customer.reissuedLink': 'پیوند این پیام جایگزین پیوندی است که پیش‌تر برایتان فرستاده بودیم؛ آن پیوند دیگر کار نمی‌کند.',

  'customer.channel.web': 'از طریق وب‌سایت ما',
  'customer.channel.email': 'از طریق ایمیل',
  'customer.channel.phone': 'به‌صورت تلفنی',
  'customer.channel.live_chat': 'از طریق گفت‌وگوی آنلاین',
  'customer.channel.social_media': 'از طریق شبکه‌های اجتماعی',
  'customer.channel.letter': 'با نامه',
  'customer.channel.fax': 'از طریق فکس',
  'customer.channel.front_office': 'به‌صورت حضوری در باجه‌ی خدمات مشتریان ما',
  'customer.channel.dealer': 'از طریق نمایندگی ما',
  'customer.channel.sales_representative': 'از طریق کارشناس فروش خود',
  'customer.channel.technical_support': 'از طریق تیم پشتیبانی فنی ما',

  'customer.remedy.refund': 'بازپرداخت وجه',
  'customer.remedy.replacement': 'تعویض کالا',
  'customer.remedy.repair': 'تعمیر',
  'customer.remedy.credit': 'واریز اعتبار به حساب شما',
  'customer.remedy.apology': 'عذرخواهی رسمی',
  'customer.remedy.explanation': 'توضیح کامل و مفصل',

  'customer.externalDecision.upheld': 'شکایت وارد شناخته شد',
  'customer.externalDecision.partially_upheld': 'شکایت تا حدی وارد شناخته شد',
  'customer.externalDecision.not_upheld': 'شکایت وارد شناخته نشد',
  'customer.externalDecision.settled': 'طرفین به توافق رسیدند',
  'customer.externalDecision.dismissed': 'درخواست رد شد',

  'customer.acknowledgement.subject': 'شکایت شما را دریافت کردیم',
  'customer.acknowledgement.received':
    'از اینکه با ما تماس گرفتید سپاسگزاریم. شکایتی را که' +
    '{withReceivedAt, select, yes { در تاریخ {receivedAt}} other {}}{withChannel, select, yes { {channel}} other {}} ' +
    'با ما در میان گذاشتید، دریافت کردیم.',
  'customer.acknowledgement.reference':
    'شماره‌ی شکایت شما {reference} است. لطفاً هر بار که با ما تماس می‌گیرید، این شماره را اعلام کنید.',
  'customer.acknowledgement.review':
    'تیم مسئول اکنون شکایت شما را بررسی می‌کند.' +
    '{withDueAt, select, yes { بررسی اولیه را تا {dueAt} به پایان می‌رسانیم.} other {}} در همه‌ی مراحل شما را در جریان خواهیم گذاشت.',
  'customer.acknowledgement.trackingLink':
    'می‌توانید روند رسیدگی را با رمز پیگیری (PIN) خود، که هنگام ثبت شکایت دریافت کرده‌اید، در صفحه‌ی زیر دنبال کنید:',
  'customer.acknowledgement.privacy':
    'اطلاعات شخصی شما فقط برای رسیدگی به شکایتتان به کار می‌رود و بدون رضایت شما در اختیار دیگران قرار نمی‌گیرد.',

  'customer.info_requested.subject': 'برای رسیدگی به شکایت شما به اطلاعات بیشتری نیاز داریم',
  'customer.info_requested.intro':
    'برای بررسی ' + yourComplaint + '، به اطلاعات بیشتری از سوی شما نیاز داریم{withQuestion, select, yes {:} other {.}}',
  'customer.info_requested.responseLink': 'می‌توانید پاسخ خود و هر سند یا عکسی را از طریق این پیوند برای ما بفرستید:',
  'customer.info_requested.resume':
    'به محض دریافت پاسخ شما، بررسی را ادامه می‌دهیم. مدتی که در انتظار پاسخ شما هستیم، جزو مهلت رسیدگی ما به حساب نمی‌آید.',
  'customer.info.ifResume': 'اگر تا آن زمان پاسخی از شما دریافت نکنیم، بررسی را با اطلاعات موجود ادامه می‌دهیم.',
  'customer.info.ifCloseNoResponse': 'اگر تا آن زمان پاسخی از شما دریافت نکنیم، ناچار خواهیم بود شکایت شما را ببندیم.',

  'customer.info_reminder.subject': 'یادآوری: پرسش ما در انتظار پاسخ شماست',
  'customer.info_reminder.intro':
    'اطلاعاتی را که درباره‌ی ' + yourComplaint + ' از شما خواسته بودیم، هنوز دریافت نکرده‌ایم' +
    '{withQuestion, select, yes {:} other {.}}',
  'customer.info_reminder.responseLink': 'برای پاسخ دادن به پرسش ما:',

  'customer.info_request_lapsed.subject': 'رسیدگی را با اطلاعات موجود ادامه می‌دهیم',
  'customer.info_request_lapsed.intro':
    'اطلاعاتی را که درباره‌ی ' + yourComplaint + ' از شما خواسته بودیم، در مهلت مقرر دریافت نکردیم. بررسی را با ' +
    'اطلاعاتی که در اختیار داریم ادامه می‌دهیم؛ پیوند پاسخی که برایتان فرستاده بودیم دیگر کار نمی‌کند.',
  'customer.info_request_lapsed.stillSend':
    'اگر همچنان مایلید این اطلاعات را برای ما بفرستید، لطفاً با ما تماس بگیرید تا آن را در نظر بگیریم.',

  'customer.info_request_cancelled.subject': 'دیگر به پاسخ پرسش ما نیازی نیست',
  'customer.info_request_cancelled.intro':
    'دیگر به اطلاعاتی که درباره‌ی ' + yourComplaint + ' از شما خواسته بودیم نیازی نداریم. بررسی را ادامه می‌دهیم؛ ' +
    'پیوند پاسخی که برایتان فرستاده بودیم دیگر کار نمی‌کند.',
  'customer.info_request_cancelled.news': 'به محض اینکه خبر تازه‌ای داشته باشیم، شما را آگاه می‌کنیم.',

  'customer.resolution_proposed.subject':
    '{reissued, select, yes {پیوند جدید برای پاسخ به پیشنهاد ما} other ' +
    '{{again, select, yes {پیشنهاد جدید ما برای حل شکایت شما} other {پیشنهاد ما برای حل شکایت شما}}}}',
  'customer.resolution_proposed.intro':
    '{reissued, select, ' +
    'yes {راه‌حلی را که برای ' + yourComplaint + ' پیشنهاد کرده بودیم، همراه با پیوندی جدید برای پاسخ دادن، دوباره برایتان می‌فرستیم.} ' +
    'other {{again, select, ' +
    'yes {' + yourComplaint + ' را با توجه به بازخورد شما دوباره بررسی کردیم و مایلیم راه‌حل جدیدی به شما پیشنهاد کنیم.} ' +
    'other {بررسی ' + yourComplaint + ' را به پایان رساندیم و مایلیم راه‌حل زیر را به شما پیشنهاد کنیم.}}}}',
  'customer.resolution_proposed.remedy': 'نوع راه‌حل: {remedy}',
  'customer.resolution_proposed.amount': 'مبلغ: {amount}',
  'customer.resolution_proposed.responseLink': 'لطفاً از طریق این پیوند به ما اطلاع دهید که آیا پیشنهاد را می‌پذیرید یا نه:',
  'customer.answer.answerBy': 'لطفاً تا {answerDueAt} پاسخ دهید.',
  'customer.answer.ifDeemedAccepted':
    '{withAnswerDueAt, select, yes {اگر تا آن زمان پاسخی از شما دریافت نکنیم} other {اگر در مهلت مقرر پاسخی از شما دریافت نکنیم}}، ' +
    'پیشنهاد پذیرفته‌شده تلقی می‌شود و شکایت شما بسته خواهد شد.',
  'customer.answer.ifStayOpen':
    '{withAnswerDueAt, select, yes {اگر تا آن زمان پاسخی از شما دریافت نکنیم} other {اگر در مهلت مقرر پاسخی از شما دریافت نکنیم}}، ' +
    'شکایت شما باز می‌ماند و دوباره با شما تماس می‌گیریم.',
  'customer.answer.ifRejectedFinal':
    'این پیشنهاد نهایی ماست. اگر آن را نپذیرید، نهادهای مستقلی را که می‌توانید به آن‌ها مراجعه کنید به شما معرفی می‌کنیم.',
  'customer.answer.ifRejectedAgain':
    'اگر آن را نمی‌پذیرید، لطفاً دلیلش را به ما بگویید؛ شکایت شما را دوباره بررسی می‌کنیم و پیشنهاد جدیدی به شما می‌دهیم.',
  'customer.answer.ifRejected': 'اگر آن را نمی‌پذیرید، لطفاً دلیلش را به ما بگویید تا بتوانیم دلایل شما را در نظر بگیریم.',

  'customer.answer_reminder.subject': 'یادآوری: پیشنهاد ما در انتظار پاسخ شماست',
  'customer.answer_reminder.intro':
    'هنوز پاسخ شما را درباره‌ی راه‌حلی که برای ' + yourComplaint + ' پیشنهاد کرده بودیم، دریافت نکرده‌ایم.',
  'customer.answer_reminder.responseLink': 'برای خواندن پیشنهاد و پاسخ دادن به آن:',

  'customer.reinvestigation_started.subject': 'شکایت شما را دوباره بررسی می‌کنیم',
  'customer.reinvestigation_started.intro':
    'از بازخورد شما درباره‌ی پیشنهادمان سپاسگزاریم. کارشناسان ما در حال بررسی دوباره‌ی ' + yourComplaint +
    ' و یافتن راه‌حل‌های دیگر هستند.',
  'customer.reinvestigation_started.dueAt': 'پیشنهاد جدید خود را تا {dueAt} برایتان می‌فرستیم.',
  'customer.reinvestigation_started.noDueAt': 'پیشنهاد جدید خود را به محض آماده شدن برایتان می‌فرستیم.',

  'customer.progress_update.subject': 'گزارشی از روند رسیدگی به شکایت شما',
  'customer.progress_update.intro':
    'همچنان در حال رسیدگی به ' + yourComplaint + ' هستیم.' + '{withStatus, select, yes { وضعیت کنونی: {status}.} other {}}',
  'customer.progress_update.activity.acknowledged': 'شکایت شما در نوبت بررسی اولیه قرار دارد.',
  'customer.progress_update.activity.in_review': 'در حال انجام بررسی اولیه‌ی شکایت شما هستیم.',
  'customer.progress_update.activity.investigating': 'کارشناسان ما در حال بررسی علت بروز مشکل هستند.',
  'customer.progress_update.activity.reinvestigating': 'با توجه به بازخورد شما، در حال بررسی دوباره‌ی شکایتتان هستیم.',
  'customer.progress_update.plannedBy': 'قصد داریم این مرحله را تا {dueAt} به پایان برسانیم.',
  'customer.progress_update.laterThanPlanned':
    'انجام این مرحله بیش از آنچه برنامه‌ریزی کرده بودیم طول کشیده است؛ بابت این انتظار پوزش می‌خواهیم.' +
    '{withNextUpdateAt, select, yes { حداکثر تا {nextUpdateAt} دوباره شما را در جریان قرار می‌دهیم.} other {}}',
  'customer.progress_update.news': 'به محض اینکه خبر تازه‌ای داشته باشیم، شما را آگاه می‌کنیم.',

  'customer.complaint_closed.subject': 'شکایت شما بسته شد',
  'customer.complaint_closed.closed': yourComplaint + ' بسته شد.',
  'customer.complaint_closed.accepted':
    'از اینکه پیشنهاد ما را پذیرفتید سپاسگزاریم. ' + yourComplaint + ' را به‌عنوان حل‌شده بستیم و راه‌حل ' +
    'توافق‌شده را در اسرع وقت اجرا می‌کنیم.',
  'customer.complaint_closed.deemed_accepted':
    'پاسخ شما به پیشنهادی که برای ' + yourComplaint + ' داده بودیم، در مهلت مقرر به دست ما نرسید؛ از این رو پیشنهاد ' +
    'پذیرفته‌شده تلقی شد و شکایت بسته شد. راه‌حل پیشنهادی را اجرا خواهیم کرد. اگر فکر می‌کنید اشتباهی رخ داده است، لطفاً با ما تماس بگیرید.',
  'customer.complaint_closed.withdrawn': 'پس گرفتن ' + yourComplaint + ' را ثبت کردیم و آن را بستیم.',
  'customer.complaint_closed.out_of_scope':
    yourComplaint + ' را با دقت بررسی کردیم، اما موضوع آن خارج از حیطه‌ی فرایند رسیدگی به شکایات ماست؛ از این رو ' +
    'آن را بستیم. اگر با این تصمیم موافق نیستید یا اطلاعات بیشتری می‌خواهید، لطفاً با ما تماس بگیرید.',
  'customer.complaint_closed.duplicate':
    yourComplaint + ' بسته شد، زیرا به همان موضوعی مربوط است که پیش‌تر در قالب شکایت دیگری ثبت شده است. ' +
    'رسیدگی به این موضوع را در همان شکایت ادامه می‌دهیم.',
  'customer.complaint_closed.external_decision':
    'تصمیم نهاد مستقل درباره‌ی ' + yourComplaint + ' را ثبت کردیم و شکایت را بستیم.',
  'customer.complaint_closed.no_response':
    'اطلاعاتی را که درباره‌ی ' + yourComplaint + ' از شما خواسته بودیم، در مهلت مقرر دریافت نکردیم؛ از این رو ' +
    'شکایت را بستیم. اگر مایلید رسیدگی را ادامه دهیم، لطفاً با ما تماس بگیرید؛ با کمال میل دوباره به آن رسیدگی می‌کنیم.',
  'customer.complaint_closed.externalOutcome': 'نتیجه: {decision}.',
  'customer.complaint_closed.thanks': 'از اینکه برای ما وقت گذاشتید سپاسگزاریم.',

  'customer.external_remedies.subject': 'راه‌های دیگر برای پیگیری شکایت شما',
  'customer.external_remedies.intro':
    'ثبت کردیم که پیشنهادهای ما را برای ' + yourComplaint + ' نپذیرفتید. متأسفیم که نتوانستیم مشکل را به گونه‌ای ' +
    'حل کنیم که رضایت شما را جلب کند. شکایت شما همچنان باز است.',
  'customer.external_remedies.listIntro': 'در صورت تمایل می‌توانید به این نهادهای مستقل مراجعه کنید:',
  'customer.external_remedies.askUs': 'برای آگاهی از نهادهای مستقلی که می‌توانید به آن‌ها مراجعه کنید، لطفاً با ما تماس بگیرید.',
  'customer.external_remedies.tellUs':
    'اگر به یکی از آن‌ها مراجعه کردید و تصمیمی دریافت کردید، لطفاً ما را آگاه کنید؛ شکایت شما را مطابق با آن به نتیجه می‌رسانیم.',
};
