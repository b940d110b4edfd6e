// The customer view's words, in Turkish (keys: ../en/customer-view.ts).
import type { customerView as source } from '../en/customer-view.js';

export const customerView: Readonly<Record<keyof typeof source, string>> = {
  'view.status.created': 'Oluşturuldu',
  'view.status.in_progress': 'İşlemde',
  'view.status.under_review': 'İnceleniyor',
  'view.status.resolved': 'Çözümlendi',
  'view.status.closed': 'Kapatıldı',
  'view.status.open': 'Açık',

  'view.remedy.refund': 'Para iadesi',
  'view.remedy.replacement': 'Ürün değişimi',
  'view.remedy.repair': 'Onarım',
  'view.remedy.credit': 'Hesaba alacak',
  'view.remedy.apology': 'Özür',
  'view.remedy.explanation': 'Açıklama',
  'view.remedy.other': 'Diğer',

  'view.next.received': 'Şikâyetinizi aldık; kısa süre içinde size onay göndereceğiz.',
  'view.next.acknowledged': 'Şikâyetinizi kayda aldık ve ilgili ekibe yönlendiriyoruz.',
  'view.next.in_review': 'Bir uzmanımız şikâyetinizi değerlendiriyor.',
  'view.next.investigating': 'Şikâyetinizi araştırıyoruz; size bir çözüm önereceğiz.',
  'view.next.awaiting_customer':
    'Devam edebilmemiz için yanıtınıza ihtiyacımız var: lütfen size gönderdiğimiz bağlantıdan sorumuzu yanıtlayın.',
  'view.next.resolution_proposed':
    'Size bir çözüm önerdik: lütfen size gönderdiğimiz bağlantıdan kabul edin ya da reddedin.',
  'view.next.reinvestigating': 'Önerimizi reddettiniz; şikâyetinizi yeniden inceliyor ve size yeni bir öneri sunacağız.',
  'view.next.open_external':
    'Bir çözümde uzlaşamadık. Şikâyetinizi bağımsız bir kuruma taşıyabilirsiniz; başvurabileceğiniz yerleri size gönderdik. Şikâyetiniz açık kalıyor.',

  'view.closed.accepted': 'Çözümümüzü kabul ettiniz; şikâyetiniz kapatıldı. Teşekkür ederiz.',
  'view.closed.deemed_accepted': 'Önerimizi süresi içinde yanıtlamadığınız için kabul edilmiş sayıldı; şikâyetiniz kapatıldı.',
  'view.closed.withdrawn': 'Şikâyetiniz geri çekildi ve kapatıldı.',
  'view.closed.out_of_scope': 'Şikâyetiniz ele alabileceğimiz konuların dışında kaldığı için kapatıldı; nedenini size bildirdik.',
  'view.closed.duplicate': 'Bu şikâyet, ele aldığımız başka bir şikâyetin tekrarı olduğu için kapatıldı; diğeriyle devam ediyoruz.',
  'view.closed.external_decision': 'Bağımsız kurumun kararını kaydettik; şikâyetiniz kapatıldı.',
  'view.closed.no_response':
    'İstediğimiz bilgiyi süresi içinde alamadığımız için şikâyetiniz kapatıldı. Devam etmemizi isterseniz bizimle iletişime geçin.',
  'view.closed.closed': 'Şikâyetiniz kapatıldı.',
};
