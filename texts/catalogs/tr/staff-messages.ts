// What staff read in notices, in Turkish (keys: ../en/staff-messages.ts).
import type { staffMessages as source } from '../en/staff-messages.js';

export const staffMessages: Readonly<Record<keyof typeof source, string>> = {
  'staff.subjectLine': '{withReference, select, yes {{subject} ({reference})} other {{subject}}}',
  'staff.openLink': 'Şikâyeti açmak için:',

  'staff.stage.acknowledgement': 'alındı bildirimi',
  'staff.stage.initialReview': 'ön inceleme',
  'staff.stage.investigation': 'araştırma ve değerlendirme',
  'staff.stage.conclusion': 'sonuçlandırma',
  'staff.stage.reinvestigation': 'yeniden değerlendirme',

  'staff.status.received': 'alındı',
  'staff.status.acknowledged': 'alındı bildirildi, atanmayı bekliyor',
  'staff.status.in_review': 'ön incelemede',
  'staff.status.investigating': 'araştırılıyor',
  'staff.status.awaiting_customer': 'müşteriden bilgi bekleniyor',
  'staff.status.resolution_proposed': 'çözüm önerildi, müşteri yanıtı bekleniyor',
  'staff.status.reinvestigating': 'yeniden değerlendiriliyor',
  'staff.status.open_external': 'açık, müşteri dış başvuru yollarına yönlendirildi',
  'staff.status.closed': 'kapatıldı',

  'staff.level.assignee': 'atanan uzman',
  'staff.level.teamLead': 'ekip lideri',
  'staff.level.complaintsManager': 'şikâyet yönetimi müdürü',
  'staff.level.director': 'direktör',

  'staff.severity.low': 'düşük',
  'staff.severity.medium': 'orta',
  'staff.severity.high': 'yüksek',
  'staff.severity.critical': 'kritik',

  'staff.closure.accepted': 'müşteri çözüm önerisini kabul etti',
  'staff.closure.deemed_accepted': 'yanıt gelmediği için öneri kabul edilmiş sayıldı',
  'staff.closure.withdrawn': 'şikâyet geri çekildi',
  'staff.closure.out_of_scope': 'şikâyet kapsam dışı bulundu',
  'staff.closure.duplicate': 'mükerrer şikâyet',
  'staff.closure.external_decision': 'bağımsız kurum kararı kaydedildi',
  'staff.closure.no_response': 'müşteri istenen bilgiyi süresi içinde vermedi',

  'staff.recordedChannel.email': 'e-posta ile',
  'staff.recordedChannel.phone': 'telefonla',
  'staff.recordedChannel.live_chat': 'canlı destekte',
  'staff.recordedChannel.social_media': 'sosyal medyada',
  'staff.recordedChannel.letter': 'mektupla',
  'staff.recordedChannel.fax': 'faksla',
  'staff.recordedChannel.front_office': 'müşteri hizmetleri noktasında yüz yüze',
  'staff.recordedChannel.dealer': 'bayi aracılığıyla',
  'staff.recordedChannel.sales_representative': 'satış temsilcisi aracılığıyla',
  'staff.recordedChannel.technical_support': 'teknik destek aracılığıyla',
  'staff.recordedBy': 'Yanıt {withChannel, select, yes {{channel} } other {}}geldi ve {recordedBy} tarafından kaydedildi.',
  'staff.cameBy': 'Yanıt {channel} geldi; müşteri kendisi yazdı.',

  'staff.externalDecision.upheld': 'Şikâyet haklı bulundu',
  'staff.externalDecision.partially_upheld': 'Şikâyet kısmen haklı bulundu',
  'staff.externalDecision.not_upheld': 'Şikâyet haklı bulunmadı',
  'staff.externalDecision.settled': 'Taraflar uzlaştı',
  'staff.externalDecision.dismissed': 'Başvuru reddedildi',

  'staff.nextStep.acknowledged': 'Lütfen ön incelemeyi başlatın.',
  'staff.nextStep.in_review': 'Lütfen ön incelemeyi yapıp şikâyeti sınıflandırın.',
  'staff.nextStep.investigating': 'Lütfen kök nedeni araştırıp müşteriye bir çözüm önerin.',
  'staff.nextStep.reinvestigating': 'Lütfen müşterinin gerekçesini inceleyip yeni bir çözüm önerin.',
  'staff.nextStep.awaiting_customer': 'Müşterinin yanıtı geldiğinde incelemeye devam edin.',
  'staff.nextStep.other': 'Lütfen şikâyeti inceleyin.',

  'staff.complaint_assigned.subject': 'Size şikâyet atandı',
  'staff.complaint_assigned.intro': '{withReference, select, yes {{reference} numaralı şikâyet} other {Şikâyet}} size atandı.',
  'staff.complaint_assigned.status': 'Güncel durum: {status}.',

  'staff.complaint_routed.subject': 'Biriminize şikâyet yönlendirildi',
  'staff.complaint_routed.intro':
    '{withReference, select, yes {{reference} numaralı şikâyet} other {Şikâyet}} biriminize yönlendirildi.',
  'staff.complaint_routed.category': 'Kategori: {category}',
  'staff.complaint_routed.severity': 'Önem derecesi: {severity}',
  'staff.complaint_routed.action': 'Lütfen şikâyeti bir uzmana atayın{urgent, select, yes { ve öncelik verin} other {}}.',

  'staff.deadline_warning.subject': 'Süre uyarısı',
  'staff.deadline_warning.intro':
    '{withReference, select, yes {{reference} numaralı şikâyette} other {Şikâyette}} ' +
    '{withStage, select, yes {{stage} aşamasının} other {mevcut aşamanın}} süresi dolmak üzere' +
    '{withDueAt, select, yes { (son tarih: {dueAt})} other {}}.',
  'staff.deadline_warning.action': 'Lütfen aşamayı süre dolmadan tamamlayın ya da gerekiyorsa şikâyeti üst seviyeye aktarın.',

  'staff.deadline_breached.subject': 'Süre aşıldı',
  'staff.deadline_breached.intro':
    '{withReference, select, yes {{reference} numaralı şikâyette} other {Şikâyette}} ' +
    '{withStage, select, yes {{stage} aşamasının} other {mevcut aşamanın}} süresi aşıldı.',
  'staff.deadline_breached.repeated': 'Bu, {breachCount}. süre aşımı bildirimidir.',
  'staff.deadline_breached.owner': 'Şikâyetten sorumlu seviye: {owner}.',
  'staff.deadline_breached.action': 'Lütfen şikâyeti gecikmeden ele alın ve gerekiyorsa müşteriyi bilgilendirin.',

  'staff.complaint_escalated.subject': 'Şikâyet üst seviyeye aktarıldı',
  'staff.complaint_escalated.intro':
    '{withReference, select, yes {{reference} numaralı şikâyet} other {Şikâyet}} üst seviyeye aktarıldı.',
  'staff.complaint_escalated.level': 'Yeni sorumlu seviye: {level}',
  'staff.complaint_escalated.reason': 'Gerekçe: {reason}',
  'staff.complaint_escalated.action': 'Lütfen şikâyeti inceleyip sahiplenin.',

  'staff.customer_answered_info.subject': 'Müşteri bilgi talebini yanıtladı',
  'staff.customer_answered_info.intro':
    'Müşteri, {withReference, select, yes {{reference} numaralı şikâyetteki} other {şikâyetteki}} bilgi talebini' +
    '{withRequestId, select, yes { ({requestId})} other {}} yanıtladı. Aşamanın süresi yeniden işlemeye başladı.',
  'staff.customer_answered_info.action': 'Lütfen yanıtı inceleyip değerlendirmeye devam edin.',

  'staff.customer_wrote.subject': 'Müşteri bize yazdı',
  'staff.customer_wrote.intro':
    'Müşteri {withReference, select, yes {{reference} numaralı şikâyet} other {şikâyet}} hakkında ' +
    '{withChannel, select, yes {{channel} } other {}}yazdı. Mesaj şikâyetin zaman çizelgesinde.',
  'staff.customer_wrote.closed': 'Şikâyet kapalı: müşterinin yazdığı aşağıda. Yeni bir sorun söz konusuysa yeni bir şikâyet kaydedin.',
  'staff.customer_wrote.message': 'Müşterinin yazdığı:\n{message}',
  'staff.customer_wrote.action': 'Lütfen okuyup şikâyetin ele alınışını değiştirip değiştirmediğine karar verin.',

  'staff.resolution_accepted.subject': 'Müşteri çözüm önerisini kabul etti',
  'staff.resolution_accepted.intro':
    'Müşteri, {withReference, select, yes {{reference} numaralı şikâyet} other {şikâyet}} için sunulan ' +
    '{withRound, select, yes {{round}. çözüm önerisini} other {çözüm önerisini}} kabul etti; şikâyet kapatıldı.',
  'staff.resolution_accepted.action': 'Lütfen kararlaştırılan çözümün uygulanmasını takip edin.',

  'staff.resolution_rejected.subject': 'Müşteri çözüm önerisini reddetti',
  'staff.resolution_rejected.intro':
    'Müşteri, {withReference, select, yes {{reference} numaralı şikâyet} other {şikâyet}} için sunulan ' +
    '{withRound, select, yes {{round}. çözüm önerisini} other {çözüm önerisini}} reddetti. Şikâyet yeniden değerlendirmeye alındı.',
  'staff.resolution_rejected.reason': 'Müşterinin gerekçesi: {reason}',
  'staff.resolution_rejected.action':
    'Lütfen gerekçeyi dikkate alarak başka çözüm yollarını araştırın ve yeni bir öneri sunun.',

  'staff.answer_timed_out.subject': 'Müşteri süresi içinde yanıt vermedi',
  'staff.answer_timed_out.intro':
    'Müşteri, {withReference, select, yes {{reference} numaralı şikâyet} other {şikâyet}} için sunulan ' +
    '{withRound, select, yes {{round}. çözüm önerisini} other {çözüm önerisini}} süresi içinde yanıtlamadı.',
  'staff.answer_timed_out.deemedAccepted':
    'Öneri kabul edilmiş sayıldı ve şikâyet kapatıldı. Lütfen önerilen çözümün uygulanmasını takip edin.',
  'staff.answer_timed_out.stayOpen':
    'Şikâyet açık kalıyor ve müşterinin yanıt bağlantısı geçerliliğini koruyor. Lütfen müşteriyle iletişime geçin.',
  'staff.answer_timed_out.other': 'Lütfen şikâyetin durumunu kontrol edin.',

  'staff.info_request_timed_out.subject': 'Müşteri bilgi talebini süresi içinde yanıtlamadı',
  'staff.info_request_timed_out.intro':
    'Müşteri, {withReference, select, yes {{reference} numaralı şikâyetteki} other {şikâyetteki}} bilgi talebini' +
    '{withRequestId, select, yes { ({requestId})} other {}} süresi içinde yanıtlamadı; yanıt bağlantısı iptal edildi.',
  'staff.info_request_timed_out.closed': 'Şikâyet yanıt alınamadığı için kapatıldı ve müşteri bilgilendirildi.',
  'staff.info_request_timed_out.resumed':
    'Şikâyet önceki aşamasına döndü ve aşamanın süresi yeniden işliyor. Lütfen elinizdeki bilgilerle devam edin ' +
    'ya da müşteriye başka bir yoldan ulaşın.',
  'staff.info_request_timed_out.other': 'Lütfen şikâyetin durumunu kontrol edin.',

  'staff.complaint_open_external.subject': 'Şikâyet açık kaldı: müşteri dış başvuru yollarına yönlendirildi',
  'staff.complaint_open_external.intro':
    'Müşteri, {withReference, select, yes {{reference} numaralı şikâyet} other {şikâyet}} için sunulan son çözüm önerisini' +
    '{withRound, select, yes { ({round}. öneri)} other {}} de reddetti. Şikâyet açık kaldı ve müşteriye başvurabileceği ' +
    'bağımsız kurumlar bildirildi.',
  'staff.complaint_open_external.action':
    'Lütfen süreci takip edin; bağımsız bir kurumun kararı gelirse kararı şikâyete kaydedin.',

  'staff.complaint_closed.subject': 'Şikâyet kapatıldı',
  'staff.complaint_closed.intro':
    '{withReference, select, yes {{reference} numaralı şikâyet} other {Şikâyet}} kapatıldı.' +
    '{withClosure, select, yes { Kapanış nedeni: {closure}.} other {}}',
  'staff.complaint_closed.note': 'Açıklama: {reason}',
  'staff.complaint_closed.original': 'Asıl şikâyet: {duplicateOf}',
  'staff.complaint_closed.decision': 'Kurum kararı: {decision}.',
  'staff.complaint_closed.afterAccepted':
    'Lütfen kararlaştırılan çözümün uygulanmasını ve açık düzeltici faaliyetleri takip edin.',
  'staff.complaint_closed.afterExternalDecision':
    'Lütfen kurum kararının gereğini yerine getirin ve açık düzeltici faaliyetleri takip edin.',
  'staff.complaint_closed.nothingLeft':
    'Şikâyet için başka bir işlem gerekmiyor; açık düzeltici faaliyetler varsa takibine devam edin.',

  'staff.corrective_action_assigned.subject': 'Size düzeltici faaliyet atandı',
  'staff.corrective_action_assigned.intro':
    '{withReference, select, yes {{reference} numaralı şikâyet} other {Şikâyet}} için bir düzeltici faaliyet' +
    '{withId, select, yes { ({id})} other {}} size atandı.{withDueDate, select, yes { Son tarih: {dueDate}.} other {}}',
  'staff.corrective_action_assigned.action': 'Lütfen faaliyeti planlayıp son tarihe kadar tamamlayın ve sonucunu kaydedin.',
  'staff.activity_failed.subject': 'Bir şikâyetin hesaplaması başarısız oldu',
  'staff.activity_failed.intro':
    '{withReference, select, yes {{reference} numaralı şikâyet} other {Şikâyet}} için ' +
    '{withActivity, select, yes {"{activity}" adımı} other {bir adım}} tekrar denense de başarılı olamayacak bir hatayla durdu' +
    '{withError, select, yes { ({error})} other {}}.',
  'staff.activity_failed.action':
    'Şikâyet işlemeye devam ediyor, ancak bu adımın ürettiği süre veya hatırlatma eksik olabilir. Lütfen nedenini inceleyin ve süreleri elle takip edin.',
  'staff.claim_refused.subject': 'Kuyruktan aldığınız şikâyet size atanamadı',
  'staff.claim_refused.body':
    '{withReference, select, yes {{reference} numaralı şikâyeti} other {Bir şikâyeti}} {team} ekibinin kuyruğundan aldınız, ancak size atanamadı: {closed, select, yes {şikâyet bu arada kapatıldı} other {süreci şu anda buna izin vermiyor}}. Bu alım sona erdi; kuyruktan sıradaki şikâyeti alabilirsiniz.',
};
