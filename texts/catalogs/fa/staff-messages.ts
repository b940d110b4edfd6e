// What staff read in notices, in Persian (keys: ../en/staff-messages.ts). A stage or a step is
// named in «…», so no ezafe has to be added after a placeholder.
import type { staffMessages as source } from '../en/staff-messages.js';

/** «شکایت CMP-…», or «این شکایت» without a reference. */
const complaint = '{withReference, select, yes {شکایت {reference}} other {این شکایت}}';
const stageOf = '{withStage, select, yes {مرحله‌ی «{stage}»} other {مرحله‌ی کنونی}}';
const proposal = '{withRound, select, yes {پیشنهاد شماره‌ی {round}} other {پیشنهاد}}';

export const staffMessages: Readonly<Record<keyof typeof source, string>> = {
  'staff.subjectLine': '{withReference, select, yes {{subject} ({reference})} other {{subject}}}',
  'staff.openLink': 'مشاهده‌ی شکایت:',

  'staff.stage.acknowledgement': 'تأیید دریافت',
  'staff.stage.initialReview': 'بررسی اولیه',
  'staff.stage.investigation': 'بررسی تفصیلی',
  'staff.stage.conclusion': 'جمع‌بندی',
  'staff.stage.reinvestigation': 'بررسی مجدد',

  'staff.status.received': 'دریافت‌شده',
  'staff.status.acknowledged': 'تأییدشده، در انتظار واگذاری',
  'staff.status.in_review': 'در بررسی اولیه',
  'staff.status.investigating': 'در حال بررسی تفصیلی',
  'staff.status.awaiting_customer': 'در انتظار اطلاعات از مشتری',
  'staff.status.resolution_proposed': 'راه‌حل پیشنهاد شده، در انتظار پاسخ مشتری',
  'staff.status.reinvestigating': 'در حال بررسی مجدد',
  'staff.status.open_external': 'باز، مشتری به مراجع بیرونی ارجاع داده شده',
  'staff.status.closed': 'بسته‌شده',

  'staff.level.assignee': 'کارشناس مسئول',
  'staff.level.teamLead': 'سرپرست تیم',
  'staff.level.complaintsManager': 'مدیر رسیدگی به شکایات',
  'staff.level.director': 'مدیر ارشد',

  'staff.severity.low': 'کم',
  'staff.severity.medium': 'متوسط',
  'staff.severity.high': 'زیاد',
  'staff.severity.critical': 'بحرانی',

  'staff.closure.accepted': 'مشتری پیشنهاد را پذیرفت',
  'staff.closure.deemed_accepted': 'پاسخی نرسید، از این رو پیشنهاد پذیرفته‌شده تلقی شد',
  'staff.closure.withdrawn': 'شکایت پس گرفته شد',
  'staff.closure.out_of_scope': 'شکایت خارج از حیطه‌ی رسیدگی تشخیص داده شد',
  'staff.closure.duplicate': 'شکایت تکراری',
  'staff.closure.external_decision': 'تصمیم یک نهاد مستقل ثبت شد',
  'staff.closure.no_response': 'مشتری اطلاعات خواسته‌شده را به‌موقع نفرستاد',

  'staff.recordedChannel.email': 'از طریق ایمیل',
  'staff.recordedChannel.phone': 'به‌صورت تلفنی',
  'staff.recordedChannel.live_chat': 'در گفت‌وگوی آنلاین',
  'staff.recordedChannel.social_media': 'در شبکه‌های اجتماعی',
  'staff.recordedChannel.letter': 'با نامه',
  'staff.recordedChannel.fax': 'با فکس',
  'staff.recordedChannel.front_office': 'به‌صورت حضوری در باجه‌ی خدمات مشتریان',
  'staff.recordedChannel.dealer': 'از طریق نمایندگی',
  'staff.recordedChannel.sales_representative': 'از طریق کارشناس فروش',
  'staff.recordedChannel.technical_support': 'از طریق پشتیبانی فنی',
  'staff.recordedBy': 'پاسخ {withChannel, select, yes {{channel} } other {}}رسید و {recordedBy} آن را ثبت کرد.',
  'staff.cameBy': 'پاسخ {channel} رسید؛ مشتری خودش آن را نوشت.',

  'staff.externalDecision.upheld': 'شکایت وارد شناخته شد',
  'staff.externalDecision.partially_upheld': 'شکایت تا حدی وارد شناخته شد',
  'staff.externalDecision.not_upheld': 'شکایت وارد شناخته نشد',
  'staff.externalDecision.settled': 'طرفین به توافق رسیدند',
  'staff.externalDecision.dismissed': 'درخواست رد شد',

  'staff.nextStep.acknowledged': 'لطفاً بررسی اولیه را آغاز کنید.',
  'staff.nextStep.in_review': 'لطفاً بررسی اولیه را انجام دهید و شکایت را دسته‌بندی کنید.',
  'staff.nextStep.investigating': 'لطفاً علت اصلی را بررسی کنید و راه‌حلی به مشتری پیشنهاد دهید.',
  'staff.nextStep.reinvestigating': 'لطفاً دلایل مشتری را بررسی کنید و راه‌حل جدیدی پیشنهاد دهید.',
  'staff.nextStep.awaiting_customer': 'پس از رسیدن پاسخ مشتری، بررسی را ادامه دهید.',
  'staff.nextStep.other': 'لطفاً شکایت را بررسی کنید.',

  'staff.complaint_assigned.subject': 'شکایتی به شما واگذار شد',
  'staff.complaint_assigned.intro': complaint + ' به شما واگذار شد.',
  'staff.complaint_assigned.status': 'وضعیت کنونی: {status}.',

  'staff.complaint_routed.subject': 'شکایتی به واحد شما ارجاع شد',
  'staff.complaint_routed.intro': complaint + ' به واحد شما ارجاع شد.',
  'staff.complaint_routed.category': 'دسته: {category}',
  'staff.complaint_routed.severity': 'شدت: {severity}',
  'staff.complaint_routed.action': 'لطفاً شکایت را به یک کارشناس واگذار کنید{urgent, select, yes { و به آن اولویت دهید} other {}}.',

  'staff.deadline_warning.subject': 'مهلت رو به پایان است',
  'staff.deadline_warning.intro':
    'در ' + complaint + '، مهلت ' + stageOf + ' رو به پایان است{withDueAt, select, yes { (مهلت: {dueAt})} other {}}.',
  'staff.deadline_warning.action':
    'لطفاً این مرحله را پیش از پایان مهلت به انجام برسانید، یا اگر به کمک نیاز دارید، شکایت را به سطح بالاتر ارجاع دهید.',

  'staff.deadline_breached.subject': 'مهلت گذشت',
  'staff.deadline_breached.intro': 'در ' + complaint + '، مهلت ' + stageOf + ' گذشته است.',
  'staff.deadline_breached.repeated': 'این اعلان تأخیر شماره‌ی {breachCount} است.',
  'staff.deadline_breached.owner': 'مسئول کنونی: {owner}.',
  'staff.deadline_breached.action': 'لطفاً بی‌درنگ به شکایت رسیدگی کنید و مشتری را در جریان نگه دارید.',

  'staff.complaint_escalated.subject': 'شکایت به سطح بالاتر ارجاع شد',
  'staff.complaint_escalated.intro': complaint + ' به سطح بالاتر ارجاع شد.',
  'staff.complaint_escalated.level': 'مسئول کنونی: {level}',
  'staff.complaint_escalated.reason': 'دلیل: {reason}',
  'staff.complaint_escalated.action': 'لطفاً شکایت را بررسی کنید و مسئولیت آن را بر عهده بگیرید.',

  'staff.customer_answered_info.subject': 'مشتری به درخواست اطلاعات پاسخ داد',
  'staff.customer_answered_info.intro':
    'مشتری به درخواست اطلاعات{withRequestId, select, yes { {requestId}} other {}} درباره‌ی ' + complaint +
    ' پاسخ داده است. زمان‌سنج مرحله دوباره به کار افتاده است.',
  'staff.customer_answered_info.action': 'لطفاً پاسخ را بخوانید و بررسی را ادامه دهید.',

  'staff.customer_wrote.subject': 'مشتری به ما نوشت',
  'staff.customer_wrote.intro':
    'مشتری {withChannel, select, yes {{channel} } other {}}دربارهٔ ' +
    '{withReference, select, yes {شکایت {reference}} other {شکایت}} نوشت. پیام در خط زمانی آن است.',
  'staff.customer_wrote.closed': 'شکایت بسته است: نوشتهٔ مشتری در زیر آمده است. اگر مشکل تازه‌ای را مطرح می‌کند، شکایت جدیدی ثبت کنید.',
  'staff.customer_wrote.message': 'نوشتهٔ مشتری:\n{message}',
  'staff.customer_wrote.action': 'لطفاً آن را بخوانید و تصمیم بگیرید که آیا رسیدگی را تغییر می‌دهد.',

  'staff.resolution_accepted.subject': 'مشتری راه‌حل را پذیرفت',
  'staff.resolution_accepted.intro': 'مشتری ' + proposal + ' مربوط به ' + complaint + ' را پذیرفت؛ شکایت بسته شد.',
  'staff.resolution_accepted.action': 'لطفاً اطمینان حاصل کنید که راه‌حل توافق‌شده اجرا می‌شود.',

  'staff.resolution_rejected.subject': 'مشتری راه‌حل را رد کرد',
  'staff.resolution_rejected.intro':
    'مشتری ' + proposal + ' مربوط به ' + complaint + ' را رد کرد. شکایت دوباره در مرحله‌ی بررسی است.',
  'staff.resolution_rejected.reason': 'دلیل مشتری: {reason}',
  'staff.resolution_rejected.action': 'لطفاً با در نظر گرفتن دلیل مشتری، راه‌حل‌های دیگری بیابید و راه‌حل جدیدی پیشنهاد دهید.',

  'staff.answer_timed_out.subject': 'مشتری به‌موقع پاسخ نداد',
  'staff.answer_timed_out.intro': 'مشتری به ' + proposal + ' مربوط به ' + complaint + ' در مهلت مقرر پاسخ نداد.',
  'staff.answer_timed_out.deemedAccepted':
    'پیشنهاد پذیرفته‌شده تلقی شد و شکایت بسته شد. لطفاً اطمینان حاصل کنید که راه‌حل اجرا می‌شود.',
  'staff.answer_timed_out.stayOpen': 'شکایت باز می‌ماند و پیوند پاسخ مشتری همچنان کار می‌کند. لطفاً با مشتری تماس بگیرید.',
  'staff.answer_timed_out.other': 'لطفاً وضعیت شکایت را بررسی کنید.',

  'staff.info_request_timed_out.subject': 'مشتری به درخواست اطلاعات به‌موقع پاسخ نداد',
  'staff.info_request_timed_out.intro':
    'مشتری به درخواست اطلاعات{withRequestId, select, yes { {requestId}} other {}} درباره‌ی ' + complaint +
    ' در مهلت مقرر پاسخ نداد؛ پیوند پاسخ او دیگر کار نمی‌کند.',
  'staff.info_request_timed_out.closed': 'شکایت به دلیل دریافت نشدن پاسخ بسته شد و به مشتری اطلاع داده شد.',
  'staff.info_request_timed_out.resumed':
    'شکایت به مرحله‌ی پیشین خود بازگشته و زمان‌سنج مرحله دوباره به کار افتاده است. لطفاً با اطلاعات موجود ادامه ' +
    'دهید یا از راه دیگری با مشتری تماس بگیرید.',
  'staff.info_request_timed_out.other': 'لطفاً وضعیت شکایت را بررسی کنید.',

  'staff.complaint_open_external.subject': 'شکایت باز ماند: مشتری به مراجع بیرونی ارجاع داده شد',
  'staff.complaint_open_external.intro':
    'مشتری پیشنهاد نهایی{withRound, select, yes { (پیشنهاد شماره‌ی {round})} other {}} مربوط به ' + complaint +
    ' را رد کرد. شکایت باز می‌ماند و به مشتری گفته شده است که به کدام نهادهای مستقل می‌تواند مراجعه کند.',
  'staff.complaint_open_external.action':
    'لطفاً پرونده را دنبال کنید؛ هنگامی که تصمیم یک نهاد مستقل رسید، آن را در شکایت ثبت کنید.',

  'staff.complaint_closed.subject': 'شکایت بسته شد',
  'staff.complaint_closed.intro': complaint + ' بسته شد.' + '{withClosure, select, yes { دلیل: {closure}.} other {}}',
  'staff.complaint_closed.note': 'یادداشت: {reason}',
  'staff.complaint_closed.original': 'شکایت اصلی: {duplicateOf}',
  'staff.complaint_closed.decision': 'تصمیم: {decision}.',
  'staff.complaint_closed.afterAccepted':
    'لطفاً اطمینان حاصل کنید که راه‌حل توافق‌شده اجرا می‌شود، و اقدامات اصلاحی باز را پیگیری کنید.',
  'staff.complaint_closed.afterExternalDecision':
    'لطفاً آنچه را تصمیم ایجاب می‌کند اجرا کنید، و اقدامات اصلاحی باز را پیگیری کنید.',
  'staff.complaint_closed.nothingLeft':
    'اقدام دیگری در مورد این شکایت لازم نیست؛ پیگیری اقدامات اصلاحی باز را ادامه دهید.',

  'staff.corrective_action_assigned.subject': 'یک اقدام اصلاحی به شما واگذار شد',
  'staff.corrective_action_assigned.intro':
    'یک اقدام اصلاحی{withId, select, yes { ({id})} other {}} مربوط به ' + complaint + ' به شما واگذار شد.' +
    '{withDueDate, select, yes { موعد انجام: {dueDate}.} other {}}',
  'staff.corrective_action_assigned.action': 'لطفاً اقدام را برنامه‌ریزی کنید، آن را تا موعد مقرر انجام دهید و نتیجه را ثبت کنید.',
  'staff.activity_failed.subject': 'یکی از گام‌های یک شکایت محاسبه نشد',
  'staff.activity_failed.intro':
    'در ' + complaint + '، {withActivity, select, yes {گام «{activity}»} other {یکی از گام‌ها}} با خطایی متوقف شد ' +
    'که هیچ تلاش دوباره‌ای آن را برطرف نمی‌کند{withError, select, yes { ({error})} other {}}.',
  'staff.activity_failed.action':
    'رسیدگی به شکایت ادامه می‌یابد، اما ممکن است مهلت یا یادآوری‌ای که این گام محاسبه می‌کند وجود نداشته باشد. ' +
    'لطفاً علت را بررسی کنید و مهلت‌های آن را به‌صورت دستی پیگیری کنید.',
  'staff.claim_refused.subject': 'شکایتی که از صف برداشتید به شما واگذار نشد',
  'staff.claim_refused.body':
    'شما {withReference, select, yes {شکایت {reference}} other {یک شکایت}} را از صف تیم «{team}» برداشتید، اما به شما واگذار نشد: {closed, select, yes {شکایت در این فاصله بسته شد} other {فرایند آن اکنون این کار را نمی‌پذیرد}}. این برداشت پایان یافت؛ می‌توانید شکایت بعدی صف را بردارید.',
};
