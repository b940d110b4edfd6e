// What staff read in notices, in Azerbaijani (keys: ../en/staff-messages.ts). A stage or a step
// is named in «…», so its name needs no case ending.
import type { staffMessages as source } from '../en/staff-messages.js';

const ref = (withNumber: string, without: string): string =>
  `{withReference, select, yes {{reference} nömrəli ${withNumber}} other {${without}}}`;
/** Nominative, starting a sentence. */
const Complaint = ref('şikayət', 'Şikayət');
/** Nominative inside a sentence (before `üzrə`). */
const complaint = ref('şikayət', 'şikayət');
/** Genitive, starting a sentence. */
const ComplaintGen = ref('şikayətin', 'Şikayətin');
const stageOf = '{withStage, select, yes {«{stage}» mərhələsinin} other {cari mərhələsinin}}';

export const staffMessages: Readonly<Record<keyof typeof source, string>> = {
  'staff.subjectLine': '{withReference, select, yes {{subject} ({reference})} other {{subject}}}',
  'staff.openLink': 'Şikayəti açın:',

  'staff.stage.acknowledgement': 'qəbulun təsdiqi',
  'staff.stage.initialReview': 'ilkin baxış',
  'staff.stage.investigation': 'araşdırma',
  'staff.stage.conclusion': 'yekunlaşdırma',
  'staff.stage.reinvestigation': 'təkrar araşdırma',

  'staff.status.received': 'qəbul edilib',
  'staff.status.acknowledged': 'təsdiqlənib, təyinat gözləyir',
  'staff.status.in_review': 'ilkin baxışdadır',
  'staff.status.investigating': 'araşdırılır',
  'staff.status.awaiting_customer': 'müştəridən məlumat gözlənilir',
  'staff.status.resolution_proposed': 'həll təklif edilib, müştərinin cavabı gözlənilir',
  'staff.status.reinvestigating': 'təkrar araşdırılır',
  'staff.status.open_external': 'açıqdır, müştəri kənar qurumlara yönləndirilib',
  'staff.status.closed': 'bağlanıb',

  'staff.level.assignee': 'təyin edilmiş mütəxəssis',
  'staff.level.teamLead': 'komanda rəhbəri',
  'staff.level.complaintsManager': 'şikayətlər üzrə menecer',
  'staff.level.director': 'direktor',

  'staff.severity.low': 'aşağı',
  'staff.severity.medium': 'orta',
  'staff.severity.high': 'yüksək',
  'staff.severity.critical': 'kritik',

  'staff.closure.accepted': 'müştəri təklifi qəbul etdi',
  'staff.closure.deemed_accepted': 'cavab gəlmədiyi üçün təklif qəbul edilmiş sayıldı',
  'staff.closure.withdrawn': 'şikayət geri götürüldü',
  'staff.closure.out_of_scope': 'şikayət əhatə dairəsindən kənar hesab edildi',
  'staff.closure.duplicate': 'təkrar şikayət',
  'staff.closure.external_decision': 'müstəqil qurumun qərarı qeydə alındı',
  'staff.closure.no_response': 'müştəri istənilən məlumatı vaxtında göndərmədi',

  'staff.recordedChannel.email': 'e-poçt ilə',
  'staff.recordedChannel.phone': 'telefonla',
  'staff.recordedChannel.live_chat': 'canlı söhbətdə',
  'staff.recordedChannel.social_media': 'sosial şəbəkələrdə',
  'staff.recordedChannel.letter': 'məktubla',
  'staff.recordedChannel.fax': 'faksla',
  'staff.recordedChannel.front_office': 'müştəri xidmətləri ofisində şəxsən',
  'staff.recordedChannel.dealer': 'diler vasitəsilə',
  'staff.recordedChannel.sales_representative': 'satış nümayəndəsi vasitəsilə',
  'staff.recordedChannel.technical_support': 'texniki dəstək vasitəsilə',
  'staff.recordedBy': 'Cavab {withChannel, select, yes {{channel} } other {}}daxil oldu və {recordedBy} tərəfindən qeydə alındı.',
  'staff.cameBy': 'Cavab {channel} daxil oldu; müştəri onu özü yazdı.',

  'staff.externalDecision.upheld': 'Şikayət əsaslı hesab edildi',
  'staff.externalDecision.partially_upheld': 'Şikayət qismən əsaslı hesab edildi',
  'staff.externalDecision.not_upheld': 'Şikayət əsassız hesab edildi',
  'staff.externalDecision.settled': 'Tərəflər razılığa gəldi',
  'staff.externalDecision.dismissed': 'Müraciət rədd edildi',

  'staff.nextStep.acknowledged': 'Lütfən, ilkin baxışa başlayın.',
  'staff.nextStep.in_review': 'Lütfən, ilkin baxışı aparın və şikayəti təsnif edin.',
  'staff.nextStep.investigating': 'Lütfən, əsas səbəbi araşdırın və müştəriyə həll yolu təklif edin.',
  'staff.nextStep.reinvestigating': 'Lütfən, müştərinin səbəblərini nəzərdən keçirin və yeni həll yolu təklif edin.',
  'staff.nextStep.awaiting_customer': 'Müştərinin cavabı gələn kimi baxışı davam etdirin.',
  'staff.nextStep.other': 'Lütfən, şikayətə baxın.',

  'staff.complaint_assigned.subject': 'Sizə şikayət təyin edildi',
  'staff.complaint_assigned.intro': Complaint + ' sizə təyin edildi.',
  'staff.complaint_assigned.status': 'Hazırkı vəziyyət: {status}.',

  'staff.complaint_routed.subject': 'Şöbənizə şikayət yönləndirildi',
  'staff.complaint_routed.intro': Complaint + ' şöbənizə yönləndirildi.',
  'staff.complaint_routed.category': 'Kateqoriya: {category}',
  'staff.complaint_routed.severity': 'Ciddilik dərəcəsi: {severity}',
  'staff.complaint_routed.action': 'Lütfən, şikayəti mütəxəssisə təyin edin{urgent, select, yes { və ona üstünlük verin} other {}}.',

  'staff.deadline_warning.subject': 'Son tarix yaxınlaşır',
  'staff.deadline_warning.intro':
    ComplaintGen + ' ' + stageOf + ' müddəti bitmək üzrədir{withDueAt, select, yes { (son tarix: {dueAt})} other {}}.',
  'staff.deadline_warning.action':
    'Lütfən, mərhələni son tarixdən əvvəl başa çatdırın və ya köməyə ehtiyacınız varsa, şikayəti yuxarı səviyyəyə ötürün.',

  'staff.deadline_breached.subject': 'Son tarix keçdi',
  'staff.deadline_breached.intro': ComplaintGen + ' ' + stageOf + ' müddəti keçib.',
  'staff.deadline_breached.repeated': 'Bu, {breachCount} nömrəli gecikmə bildirişidir.',
  'staff.deadline_breached.owner': 'Hazırda məsul: {owner}.',
  'staff.deadline_breached.action': 'Lütfən, şikayətlə dərhal məşğul olun və müştərini məlumatlandırın.',

  'staff.complaint_escalated.subject': 'Şikayət yuxarı səviyyəyə ötürüldü',
  'staff.complaint_escalated.intro': Complaint + ' yuxarı səviyyəyə ötürüldü.',
  'staff.complaint_escalated.level': 'Hazırda məsul: {level}',
  'staff.complaint_escalated.reason': 'Səbəb: {reason}',
  'staff.complaint_escalated.action': 'Lütfən, şikayətə baxın və onu öz üzərinizə götürün.',

  'staff.customer_answered_info.subject': 'Müştəri məlumat sorğusuna cavab verdi',
  'staff.customer_answered_info.intro':
    'Müştəri ' + complaint + ' üzrə {withRequestId, select, yes {{requestId} nömrəli } other {}}məlumat sorğusuna ' +
    'cavab verdi. Mərhələnin vaxt sayğacı yenidən işləyir.',
  'staff.customer_answered_info.action': 'Lütfən, cavabı oxuyun və baxışı davam etdirin.',

  'staff.customer_wrote.subject': 'Müştəri bizə yazdı',
  'staff.customer_wrote.intro':
    'Müştəri {withReference, select, yes {{reference} nömrəli şikayət} other {şikayət}} barədə ' +
    '{withChannel, select, yes {{channel} } other {}}yazdı. Mesaj şikayətin zaman xəttindədir.',
  'staff.customer_wrote.closed': 'Şikayət bağlıdır: müştərinin yazdığı aşağıdadır. Yeni problem qaldırırsa, yeni şikayət qeydə alın.',
  'staff.customer_wrote.message': 'Müştərinin yazdığı:\n{message}',
  'staff.customer_wrote.action': 'Lütfən, oxuyun və bunun baxışı dəyişib-dəyişmədiyinə qərar verin.',

  'staff.resolution_accepted.subject': 'Müştəri həll təklifini qəbul etdi',
  'staff.resolution_accepted.intro':
    'Müştəri ' + complaint + ' üzrə {withRound, select, yes {{round} nömrəli təklifi} other {təklifi}} qəbul etdi; şikayət bağlandı.',
  'staff.resolution_accepted.action': 'Lütfən, razılaşdırılmış həllin həyata keçirilməsini təmin edin.',

  'staff.resolution_rejected.subject': 'Müştəri həll təklifini rədd etdi',
  'staff.resolution_rejected.intro':
    'Müştəri ' + complaint + ' üzrə {withRound, select, yes {{round} nömrəli təklifi} other {təklifi}} rədd etdi. ' +
    'Şikayət yenidən araşdırılır.',
  'staff.resolution_rejected.reason': 'Müştərinin səbəbi: {reason}',
  'staff.resolution_rejected.action':
    'Lütfən, müştərinin səbəbini nəzərə alaraq başqa həll yolları axtarın və yeni həll yolu təklif edin.',

  'staff.answer_timed_out.subject': 'Müştəri vaxtında cavab vermədi',
  'staff.answer_timed_out.intro':
    'Müştəri ' + complaint + ' üzrə {withRound, select, yes {{round} nömrəli təklifə} other {təklifə}} vaxtında cavab vermədi.',
  'staff.answer_timed_out.deemedAccepted':
    'Təklif qəbul edilmiş sayıldı və şikayət bağlandı. Lütfən, həllin həyata keçirilməsini təmin edin.',
  'staff.answer_timed_out.stayOpen':
    'Şikayət açıq qalır və müştərinin cavab keçidi hələ də işləyir. Lütfən, müştəri ilə əlaqə saxlayın.',
  'staff.answer_timed_out.other': 'Lütfən, şikayətin hansı vəziyyətdə olduğunu yoxlayın.',

  'staff.info_request_timed_out.subject': 'Müştəri məlumat sorğusuna vaxtında cavab vermədi',
  'staff.info_request_timed_out.intro':
    'Müştəri ' + complaint + ' üzrə {withRequestId, select, yes {{requestId} nömrəli } other {}}məlumat sorğusuna ' +
    'vaxtında cavab vermədi; onun cavab keçidi artıq işləmir.',
  'staff.info_request_timed_out.closed': 'Şikayət cavab verilmədiyi üçün bağlandı və bu barədə müştəriyə bildirildi.',
  'staff.info_request_timed_out.resumed':
    'Şikayət əvvəlki mərhələsinə qayıdıb və mərhələnin vaxt sayğacı yenidən işləyir. Lütfən, əlinizdəki məlumatla ' +
    'davam edin və ya müştəri ilə başqa yolla əlaqə saxlayın.',
  'staff.info_request_timed_out.other': 'Lütfən, şikayətin hansı vəziyyətdə olduğunu yoxlayın.',

  'staff.complaint_open_external.subject': 'Şikayət açıq qaldı: müştəri kənar qurumlara yönləndirildi',
  'staff.complaint_open_external.intro':
    'Müştəri ' + complaint + ' üzrə son təklifi{withRound, select, yes { ({round} nömrəli təklif)} other {}} rədd etdi. ' +
    'Şikayət açıq qalır və müştəriyə hansı müstəqil qurumlara müraciət edə biləcəyi bildirilib.',
  'staff.complaint_open_external.action':
    'Lütfən, işi izləyin; müstəqil qurumun qərarı gəldikdə onu şikayətdə qeydə alın.',

  'staff.complaint_closed.subject': 'Şikayət bağlandı',
  'staff.complaint_closed.intro': Complaint + ' bağlandı.' + '{withClosure, select, yes { Səbəb: {closure}.} other {}}',
  'staff.complaint_closed.note': 'Qeyd: {reason}',
  'staff.complaint_closed.original': 'İlkin şikayət: {duplicateOf}',
  'staff.complaint_closed.decision': 'Qərar: {decision}.',
  'staff.complaint_closed.afterAccepted':
    'Lütfən, razılaşdırılmış həllin həyata keçirilməsini təmin edin və açıq düzəldici tədbirləri izləyin.',
  'staff.complaint_closed.afterExternalDecision':
    'Lütfən, qərarın tələb etdiklərini yerinə yetirin və açıq düzəldici tədbirləri izləyin.',
  'staff.complaint_closed.nothingLeft':
    'Şikayət üzrə başqa tədbir tələb olunmur; açıq düzəldici tədbirləri izləməyə davam edin.',

  'staff.corrective_action_assigned.subject': 'Sizə düzəldici tədbir təyin edildi',
  'staff.corrective_action_assigned.intro':
    Complaint + ' üzrə düzəldici tədbir{withId, select, yes { ({id})} other {}} sizə təyin edildi.' +
    '{withDueDate, select, yes { Son tarix: {dueDate}.} other {}}',
  'staff.corrective_action_assigned.action': 'Lütfən, tədbiri planlaşdırın, son tarixədək yerinə yetirin və nəticəni qeydə alın.',
  'staff.activity_failed.subject': 'Şikayətin bir addımı hesablana bilmədi',
  'staff.activity_failed.intro':
    ComplaintGen + ' {withActivity, select, yes {«{activity}» addımı} other {bir addımı}} heç bir təkrar cəhdin ' +
    'aradan qaldıra bilmədiyi xəta ilə dayandı{withError, select, yes { ({error})} other {}}.',
  'staff.activity_failed.action':
    'Şikayətə baxılma davam edir, lakin bu addımın hesabladığı son tarix və ya xatırlatma olmaya bilər. Lütfən, ' +
    'səbəbi araşdırın və onun son tarixlərini əl ilə izləyin.',
  'staff.claim_refused.subject': 'Növbədən götürdüyünüz şikayət sizə təyin edilmədi',
  'staff.claim_refused.body':
    '{withReference, select, yes {{reference} şikayətini} other {Bir şikayəti}} «{team}» komandasının növbəsindən götürdünüz, lakin o sizə təyin edilmədi: {closed, select, yes {şikayət bu arada bağlandı} other {onun prosesi buna indi icazə vermir}}. Bu götürmə başa çatdı; növbədən növbəti şikayəti götürə bilərsiniz.',
};
