// What the customer reads on the HTML pages: /track and the /r/{token} answer pages, in
// Azerbaijani (keys: ../en/customer-pages.ts).
import type { customerPages as source } from '../en/customer-pages.js';

export const customerPages: Readonly<Record<keyof typeof source, string>> = {
  'page.complaintTitle': '{reference} nömrəli şikayətiniz',
  'page.status': 'Vəziyyət: {label}',
  // An ordinal's suffix follows vowel harmony (2-ci, 3-cü, 6-cı), which a plain number cannot pick.
  'page.proposal.heading': '{again, select, yes {Yeni təklifimiz (mərhələ {round, number})} other {Təklifimiz}}',
  'page.proposal.remedy': 'Təklif etdiyimiz həll',
  'page.proposal.amount': 'Məbləğ',
  'page.proposal.answerBy': 'Lütfən, {answerDueAt} tarixinədək cavab verin.',
  'page.questionHeading': 'Sualımız',

  'page.answer.viewOnly': 'Bu səhifəni açmaq cavab vermək demək deyil. Cavabınız yalnız aşağıdakı düymələrlə göndərilir.',
  'page.answer.accept': 'Təklifi qəbul edirəm',
  'page.answer.reasonLabel': 'Razı deyilsiniz? Səbəbini yazın və təklifi rədd edin:',
  'page.answer.reject': 'Təklifi rədd edirəm',
  'page.answer.answerLabel': 'Cavabınız',
  'page.answer.send': 'Cavabımı göndər',
  'page.answer.thanksTitle': 'Təşəkkür edirik, cavabınızı aldıq',
  'page.answer.received':
    'Cavabınızı aldıq və şikayətinizə qeyd edirik. Sizdən başqa heç nə tələb olunmur; şikayətinizin səhifəsində bir neçə dəqiqə ərzində görünəcək.',
  'page.answer.checkAnswer': 'Lütfən, cavabınızı yoxlayın:',
  'page.answer.field.reason': 'Təklifi niyə rədd etdiyinizi yazın (ən çoxu 2.000 simvol).',
  'page.answer.field.text': 'Sualımıza cavabınızı yazın (ən çoxu 5.000 simvol).',
  'page.answer.field.decision': 'Təklifi qəbul, yoxsa rədd etdiyinizi seçin.',
  'page.form.fieldOther': 'Formada nəsə düzgün deyil; lütfən, yenidən cəhd edin.',

  'page.problem.NOT_FOUND.title': 'Bu keçid etibarlı deyil',
  'page.problem.NOT_FOUND.text':
    'Lütfən, son məktubumuzdakı keçidi göndərdiyimiz kimi açın və ya şikayətinizi nömrəsi və PIN kodu ilə izləyin.',
  'page.problem.GONE.title': 'Bu keçid artıq etibarlı deyil',
  'page.problem.GONE.text':
    'Onun müddəti bitib, ona artıq cavab verilib və ya onu daha yeni məktub əvəz edib. Lütfən, son məktubumuzdakı keçiddən istifadə edin.',
  'page.problem.INVALID_TRANSITION.title': 'Bu cavabı hazırda qəbul edə bilmirik',
  'page.problem.INVALID_TRANSITION.text':
    'Bu keçidi göndərdiyimizdən bəri şikayətinizə baxılması növbəti mərhələyə keçib. Lütfən, son məktubumuza baxın.',
  'page.problem.TEMPORARILY_UNAVAILABLE.title': 'Lütfən, bir qədər sonra yenidən cəhd edin',
  'page.problem.TEMPORARILY_UNAVAILABLE.text':
    'Cavabınızı hazırda qəbul edə bilmədik. Heç nə qeydə alınmadı; lütfən, bir neçə dəqiqədən sonra yenidən cəhd edin.',
  'page.problem.INTERNAL.title': 'Xəta baş verdi',
  'page.problem.INTERNAL.text': 'Bizim tərəfimizdə xəta baş verdi. Lütfən, bir qədər sonra yenidən cəhd edin.',
  'page.problem.PAYLOAD_TOO_LARGE.title': 'Göndərdiyiniz mətn çox uzundur',
  'page.problem.PAYLOAD_TOO_LARGE.text': 'Göndərdiyiniz məzmun bu səhifənin qəbul etdiyindən uzundur. Lütfən, geri qayıdın, onu qısaldın və yenidən göndərin.',

  'page.tracking.title': 'Şikayətinizi izləyin',
  'page.tracking.intro': 'Sizə göndərdiyimiz təsdiq məktubundakı şikayət nömrəsini və PIN kodu daxil edin.',
  'page.tracking.referenceLabel': 'Şikayət nömrəsi',
  'page.tracking.pinLabel': 'PIN kod (8 rəqəm)',
  'page.tracking.submit': 'Şikayətimi göstər',
  'page.tracking.receivedAt': 'Qəbul tarixi',
  'page.tracking.acknowledgedAt': 'Təsdiq tarixi',
  'page.tracking.aimToAnswerBy': 'Nəzərdə tutduğumuz cavab tarixi',
  'page.tracking.nextUpdateBy': 'Növbəti məlumatlandırma tarixi',
  'page.tracking.laterThanPlanned': 'Sizə cavab verməkdə planlaşdırdığımızdan gecikirik; gözlətdiyimiz üçün üzr istəyirik.',
  'page.tracking.closedAt': 'Bağlanma tarixi',
  'page.tracking.answered':
    '{outcome, select, ' +
    'accepted {Bu təklifi {answeredAt} tarixində qəbul etdiniz.} ' +
    'rejected {Bu təklifi {answeredAt} tarixində rədd etdiniz.} ' +
    'other {Müddətində cavab vermədiyiniz üçün bu təklif {answeredAt} tarixində qəbul edilmiş sayıldı.}}',
  'page.tracking.askedAt': 'Sual tarixi: {askedAt}.',
  'page.tracking.answerThroughMessage':
    'Cavab vermək üçün lütfən, son məktubumuzla birlikdə sizə e-poçt və ya SMS ilə göndərdiyimiz keçiddən istifadə edin. Bu səhifə yalnız şikayətinizi göstərir.',
  'page.tracking.nextHeading': 'Bundan sonra nə olacaq',
  'page.tracking.trackAnother': 'Başqa şikayəti izləyin',
  'page.tracking.checkForm': 'Lütfən, formu yoxlayın:',
  'page.tracking.field.reference': 'Şikayət nömrəsini məktubumuzda olduğu kimi daxil edin, məsələn, CMP-2026-000123.',
  'page.tracking.field.pin': 'Təsdiq məktubumuzdakı 8 rəqəmli PIN kodu daxil edin.',
  'page.tracking.noMatch': 'Bu nömrə və PIN kodla şikayət tapa bilmədik. Lütfən, hər ikisini yoxlayıb yenidən cəhd edin.',
  'page.tracking.tooManyAttempts':
    'Həddindən çox cəhd edildi. Təhlükəsizliyiniz üçün lütfən, {minutes, plural, one {# dəqiqə} other {# dəqiqə}} sonra yenidən cəhd edin.',
};
