// What the customer reads in messages, in Azerbaijani, Latin script (keys: ../en/customer-messages.ts).
import type { customerMessages as source } from '../en/customer-messages.js';

// "Your complaint" with its number when there is one, in the case each sentence needs.
const ref = (withNumber: string, without: string): string =>
  `{withReference, select, yes {{reference} nömrəli ${withNumber}} other {${without}}}`;
/** Nominative, starting a sentence (`… üzrə` takes it too). */
const Complaint = ref('şikayətiniz', 'Şikayətiniz');
/** Accusative, starting a sentence. */
const ComplaintAcc = ref('şikayətinizi', 'Şikayətinizi');
/** Accusative, inside a sentence. */
const complaintAcc = ref('şikayətinizi', 'şikayətinizi');
/** Genitive, starting a sentence. */
const ComplaintGen = ref('şikayətinizin', 'Şikayətinizin');

export const customerMessages: Readonly<Record<keyof typeof source, string>> = {
  'customer.subjectLine': '{withReference, select, yes {{subject} ({reference})} other {{subject}}}',
  'customer.letter.greeting': '{withName, select, yes {Hörmətli {name},} other {Hörmətli müştəri,}}',
  'customer.letter.signature':
    'Hörmətlə,\n{withSender, select, yes {{sender} Müştəri Xidmətləri} other {Müştəri Xidmətləri Komandası}}',
  'customer.trackingLink': 'Şikayətinizin gedişatını onun izləmə səhifəsində görə bilərsiniz:',
  'customer.reissuedLink': 'Bu məktubdakı keçid əvvəllər göndərdiyimiz keçidi əvəz edir; əvvəlki keçid artıq işləmir.',

  'customer.channel.web': 'veb-saytımız vasitəsilə',
  'customer.channel.email': 'e-poçt ilə',
  'customer.channel.phone': 'telefonla',
  'customer.channel.live_chat': 'canlı söhbət vasitəsilə',
  'customer.channel.social_media': 'sosial şəbəkələr vasitəsilə',
  'customer.channel.letter': 'məktubla',
  'customer.channel.fax': 'faksla',
  'customer.channel.front_office': 'müştəri xidmətləri ofisimizdə şəxsən',
  'customer.channel.dealer': 'dilerimiz vasitəsilə',
  'customer.channel.sales_representative': 'satış nümayəndəniz vasitəsilə',
  'customer.channel.technical_support': 'texniki dəstək komandamız vasitəsilə',

  'customer.remedy.refund': 'Pulun geri qaytarılması',
  'customer.remedy.replacement': 'Məhsulun dəyişdirilməsi',
  'customer.remedy.repair': 'Təmir',
  'customer.remedy.credit': 'Məbləğin hesabınıza əlavə edilməsi',
  'customer.remedy.apology': 'Rəsmi üzrxahlıq',
  'customer.remedy.explanation': 'Ətraflı izahat',

  'customer.externalDecision.upheld': 'Şikayət əsaslı hesab edildi',
  'customer.externalDecision.partially_upheld': 'Şikayət qismən əsaslı hesab edildi',
  'customer.externalDecision.not_upheld': 'Şikayət əsassız hesab edildi',
  'customer.externalDecision.settled': 'Tərəflər razılığa gəldi',
  'customer.externalDecision.dismissed': 'Müraciət rədd edildi',

  'customer.acknowledgement.subject': 'Şikayətinizi aldıq',
  'customer.acknowledgement.received':
    '{withReceivedAt, select, ' +
    'yes {{receivedAt} tarixində bizə {withChannel, select, yes {{channel} } other {}}bildirdiyiniz} ' +
    'other {{withChannel, select, yes {Bizə {channel} bildirdiyiniz} other {Bizə bildirdiyiniz}}}} ' +
    'şikayəti aldıq. Bizimlə əlaqə saxladığınız üçün təşəkkür edirik.',
  'customer.acknowledgement.reference':
    'Şikayətinizin nömrəsi: {reference}. Bizimlə əlaqə saxlayarkən, lütfən, bu nömrəni qeyd edin.',
  'customer.acknowledgement.review':
    'Şikayətinizə məsul komandamız tərəfindən baxılacaq.' +
    '{withDueAt, select, yes { İlkin baxışı ən gec {dueAt} tarixinədək başa çatdıracağıq.} other {}} Hər mərhələdə sizi məlumatlandıracağıq.',
  'customer.acknowledgement.trackingLink':
    'Şikayətinizin gedişatını qeydiyyat zamanı sizə verilmiş izləmə PIN kodu ilə aşağıdakı səhifədə izləyə bilərsiniz:',
  'customer.acknowledgement.privacy':
    'Şəxsi məlumatlarınız yalnız şikayətinizə baxılması üçün istifadə olunur və razılığınız olmadan üçüncü şəxslərə verilmir.',

  'customer.info_requested.subject': 'Şikayətinizlə bağlı əlavə məlumata ehtiyacımız var',
  'customer.info_requested.intro':
    ComplaintAcc + ' araşdıra bilməyimiz üçün sizdən bəzi əlavə məlumatlar lazımdır{withQuestion, select, yes {:} other {.}}',
  'customer.info_requested.responseLink': 'Cavabınızı, həmçinin sənəd və ya fotoşəkilləri bu keçid vasitəsilə göndərə bilərsiniz:',
  'customer.info_requested.resume':
    'Cavabınızı alan kimi araşdırmanı davam etdirəcəyik. Cavabınızı gözlədiyimiz müddət baxılma müddətimizə daxil edilmir.',
  'customer.info.ifResume': 'Bu tarixədək sizdən cavab almasaq, araşdırmanı əlimizdə olan məlumatlarla davam etdirəcəyik.',
  'customer.info.ifCloseNoResponse': 'Bu tarixədək sizdən cavab almasaq, şikayətinizi bağlamağa məcbur olacağıq.',

  'customer.info_reminder.subject': 'Xatırlatma: sualımız cavabınızı gözləyir',
  'customer.info_reminder.intro':
    Complaint + ' üzrə sizdən istədiyimiz məlumatı hələ almamışıq{withQuestion, select, yes {:} other {.}}',
  'customer.info_reminder.responseLink': 'Sualımızı cavablandırmaq üçün:',

  'customer.info_request_lapsed.subject': 'Şikayətinizə əlimizdəki məlumatlarla baxmağa davam edirik',
  'customer.info_request_lapsed.intro':
    Complaint + ' üzrə sizdən istədiyimiz məlumatı müəyyən edilmiş müddətdə ala bilmədik. Araşdırmanı əlimizdə olan ' +
    'məlumatlarla davam etdiririk; sizə göndərdiyimiz cavab keçidi artıq işləmir.',
  'customer.info_request_lapsed.stillSend':
    'Bu məlumatı yenə də göndərmək istəsəniz, lütfən, bizimlə əlaqə saxlayın; onu nəzərə alacağıq.',

  'customer.info_request_cancelled.subject': 'Sualımıza artıq cavab tələb olunmur',
  'customer.info_request_cancelled.intro':
    Complaint + ' üzrə sizdən istədiyimiz məlumata artıq ehtiyac yoxdur. Araşdırmanı davam etdiririk; sizə ' +
    'göndərdiyimiz cavab keçidi artıq işləmir.',
  'customer.info_request_cancelled.news': 'Yenilik olan kimi sizə xəbər verəcəyik.',

  'customer.resolution_proposed.subject':
    '{reissued, select, yes {Təklifimizi cavablandırmaq üçün yeni keçid} other ' +
    '{{again, select, yes {Şikayətinizlə bağlı yeni həll təklifimiz} other {Şikayətinizlə bağlı həll təklifimiz}}}}',
  'customer.resolution_proposed.intro':
    '{reissued, select, ' +
    'yes {' + Complaint + ' üzrə təqdim etdiyimiz həll təklifini cavablandıra bilməniz üçün yeni keçidlə yenidən göndəririk.} ' +
    'other {{again, select, ' +
    'yes {' + ComplaintAcc + ' rəyiniz əsasında yenidən nəzərdən keçirdik və sizə yeni həll yolu təklif edirik.} ' +
    'other {' + ComplaintGen + ' araşdırılmasını başa çatdırdıq və sizə aşağıdakı həll yolunu təklif edirik.}}}}',
  'customer.resolution_proposed.remedy': 'Həll növü: {remedy}',
  'customer.resolution_proposed.amount': 'Məbləğ: {amount}',
  'customer.resolution_proposed.responseLink':
    'Təklifi qəbul edib-etmədiyinizi bu keçid vasitəsilə bizə bildirməyinizi xahiş edirik:',
  'customer.answer.answerBy': 'Lütfən, cavabınızı {answerDueAt} tarixinədək göndərin.',
  'customer.answer.ifDeemedAccepted':
    '{withAnswerDueAt, select, yes {Bu tarixədək cavab almasaq} other {Müəyyən edilmiş müddətdə cavab almasaq}}, ' +
    'təklif qəbul edilmiş sayılacaq və şikayətiniz bağlanacaq.',
  'customer.answer.ifStayOpen':
    '{withAnswerDueAt, select, yes {Bu tarixədək cavab almasaq} other {Müəyyən edilmiş müddətdə cavab almasaq}}, ' +
    'şikayətiniz açıq qalacaq və sizinlə yenidən əlaqə saxlayacağıq.',
  'customer.answer.ifRejectedFinal':
    'Bu, son təklifimizdir. Onu rədd etsəniz, müraciət edə biləcəyiniz müstəqil qurumlar barədə sizə məlumat verəcəyik.',
  'customer.answer.ifRejectedAgain':
    'Təklifi rədd etsəniz, lütfən, səbəbini də bildirin; şikayətinizi yenidən nəzərdən keçirib sizə yeni təklif təqdim edəcəyik.',
  'customer.answer.ifRejected': 'Təklifi rədd etsəniz, lütfən, səbəbini də bildirin ki, onu nəzərə ala bilək.',

  'customer.answer_reminder.subject': 'Xatırlatma: təklifimiz cavabınızı gözləyir',
  'customer.answer_reminder.intro': Complaint + ' üzrə təqdim etdiyimiz həll təklifinə cavabınızı hələ almamışıq.',
  'customer.answer_reminder.responseLink': 'Təkliflə tanış olmaq və onu cavablandırmaq üçün:',

  'customer.reinvestigation_started.subject': 'Şikayətinizi yenidən nəzərdən keçiririk',
  'customer.reinvestigation_started.intro':
    'Təklifimizlə bağlı rəyiniz üçün təşəkkür edirik. Mütəxəssislərimiz ' + complaintAcc +
    ' yenidən nəzərdən keçirir və başqa həll yolları axtarır.',
  'customer.reinvestigation_started.dueAt': 'Yeni təklifimizi ən gec {dueAt} tarixinədək sizə göndərəcəyik.',
  'customer.reinvestigation_started.noDueAt': 'Yeni təklifimiz hazır olan kimi onu sizə göndərəcəyik.',

  'customer.progress_update.subject': 'Şikayətinizin gedişatı barədə məlumat',
  'customer.progress_update.intro':
    Complaint + ' üzərində işləməyə davam edirik.' + '{withStatus, select, yes { Hazırkı vəziyyət: {status}.} other {}}',
  'customer.progress_update.activity.acknowledged': 'Şikayətiniz ilkin baxış üçün növbəyə alınıb.',
  'customer.progress_update.activity.in_review': 'Şikayətinizə ilkin baxış davam edir.',
  'customer.progress_update.activity.investigating': 'Mütəxəssislərimiz problemin səbəbini araşdırır.',
  'customer.progress_update.activity.reinvestigating': 'Şikayətinizi rəyiniz əsasında yenidən nəzərdən keçiririk.',
  'customer.progress_update.plannedBy': 'Bu mərhələni ən gec {dueAt} tarixinədək başa çatdırmağı planlaşdırırıq.',
  'customer.progress_update.laterThanPlanned':
    'Bu mərhələ planlaşdırdığımızdan uzun çəkir; gözlətdiyimiz üçün üzr istəyirik.' +
    '{withNextUpdateAt, select, yes { Sizi ən gec {nextUpdateAt} tarixinədək yenidən məlumatlandıracağıq.} other {}}',
  'customer.progress_update.news': 'Yenilik olan kimi sizə xəbər verəcəyik.',

  'customer.complaint_closed.subject': 'Şikayətiniz bağlandı',
  'customer.complaint_closed.closed': Complaint + ' bağlandı.',
  'customer.complaint_closed.accepted':
    'Təklifimizi qəbul etdiyiniz üçün təşəkkür edirik. ' + Complaint + ' həll olunmuş kimi bağlandı; razılaşdırılmış ' +
    'həlli ən qısa müddətdə həyata keçirəcəyik.',
  'customer.complaint_closed.deemed_accepted':
    Complaint + ' üzrə təqdim etdiyimiz təklifə müəyyən edilmiş müddətdə cavab almadığımız üçün təklif qəbul edilmiş ' +
    'sayıldı və şikayət bağlandı. Təklif olunan həlli həyata keçirəcəyik. Nəyinsə düzgün olmadığını düşünürsünüzsə, lütfən, bizimlə əlaqə saxlayın.',
  'customer.complaint_closed.withdrawn': ComplaintGen + ' geri götürüldüyünü qeydə aldıq və şikayəti bağladıq.',
  'customer.complaint_closed.out_of_scope':
    ComplaintAcc + ' diqqətlə nəzərdən keçirdik, lakin məsələ şikayətlərə baxılma prosesimizin əhatə dairəsindən ' +
    'kənarda qaldığı üçün şikayəti bağladıq. Bu qərarla razı deyilsinizsə və ya əlavə məlumat almaq istəyirsinizsə, lütfən, bizimlə əlaqə saxlayın.',
  'customer.complaint_closed.duplicate':
    Complaint + ' daha əvvəl qeydə alınmış başqa bir şikayətlə eyni məsələyə aid olduğu üçün bağlandı. Məsələyə ' +
    'həmin şikayət çərçivəsində baxılmağa davam ediləcək.',
  'customer.complaint_closed.external_decision': Complaint + ' üzrə müstəqil qurumun qərarını qeydə aldıq və şikayəti bağladıq.',
  'customer.complaint_closed.no_response':
    Complaint + ' üzrə sizdən istədiyimiz məlumatı müəyyən edilmiş müddətdə ala bilmədiyimiz üçün şikayəti bağladıq. ' +
    'Araşdırmanı davam etdirməyimizi istəsəniz, lütfən, bizimlə əlaqə saxlayın; şikayətinizə məmnuniyyətlə yenidən baxarıq.',
  'customer.complaint_closed.externalOutcome': 'Qərarın nəticəsi: {decision}.',
  'customer.complaint_closed.thanks': 'Bizə vaxt ayırdığınız üçün təşəkkür edirik.',

  'customer.external_remedies.subject': 'Şikayətinizlə bağlı müraciət edə biləcəyiniz digər yollar',
  'customer.external_remedies.intro':
    Complaint + ' üzrə təqdim etdiyimiz həll təkliflərini qəbul etmədiyinizi qeydə aldıq. Problemi sizi razı salacaq ' +
    'şəkildə həll edə bilmədiyimiz üçün təəssüf edirik. Şikayətiniz açıq qalır.',
  'customer.external_remedies.listIntro': 'İstəsəniz, aşağıdakı müstəqil qurumlara müraciət edə bilərsiniz:',
  'customer.external_remedies.askUs':
    'Müraciət edə biləcəyiniz müstəqil qurumlar barədə məlumat almaq üçün bizimlə əlaqə saxlaya bilərsiniz.',
  'customer.external_remedies.tellUs':
    'Onlardan birinə müraciət edib qərar alsanız, lütfən, bizə bildirin; şikayətinizi həmin qərara uyğun olaraq yekunlaşdıracağıq.',
};
