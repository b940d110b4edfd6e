// The customer view's words, in Azerbaijani (keys: ../en/customer-view.ts): status labels, remedy
// labels and what happens next.
import type { customerView as source } from '../en/customer-view.js';

export const customerView: Readonly<Record<keyof typeof source, string>> = {
  'view.status.created': 'Yaradıldı',
  'view.status.in_progress': 'İcradadır',
  'view.status.under_review': 'Baxılır',
  'view.status.resolved': 'Həll olundu',
  'view.status.closed': 'Bağlandı',
  'view.status.open': 'Açıq',

  'view.remedy.refund': 'Pulun qaytarılması',
  'view.remedy.replacement': 'Məhsulun dəyişdirilməsi',
  'view.remedy.repair': 'Təmir',
  'view.remedy.credit': 'Hesaba məbləğ əlavəsi',
  'view.remedy.apology': 'Üzrxahlıq',
  'view.remedy.explanation': 'İzahat',
  'view.remedy.other': 'Digər',

  'view.next.received': 'Şikayətinizi aldıq və tezliklə sizə təsdiq göndərəcəyik.',
  'view.next.acknowledged': 'Şikayətinizi qeydə aldıq və aidiyyəti komandaya yönləndiririk.',
  'view.next.in_review': 'Mütəxəssisimiz şikayətinizə baxır.',
  'view.next.investigating': 'Şikayətinizi araşdırırıq və sizə həll yolu təklif edəcəyik.',
  'view.next.awaiting_customer':
    'Davam etmək üçün cavabınıza ehtiyacımız var: lütfən, sizə göndərdiyimiz keçid vasitəsilə sualımızı cavablandırın.',
  'view.next.resolution_proposed':
    'Sizə həll yolu təklif etdik: lütfən, sizə göndərdiyimiz keçid vasitəsilə onu qəbul və ya rədd edin.',
  'view.next.reinvestigating': 'Təklifimizi rədd etdiniz; şikayətinizə yenidən baxırıq və sizə yeni təklif təqdim edəcəyik.',
  'view.next.open_external':
    'Həll yolu üzrə razılığa gələ bilmədik. Şikayətinizlə müstəqil quruma müraciət edə bilərsiniz; hara müraciət edə biləcəyinizi sizə göndərdik. Şikayətiniz açıq qalır.',

  'view.closed.accepted': 'Həll təklifimizi qəbul etdiniz və şikayətiniz bağlandı. Təşəkkür edirik.',
  'view.closed.deemed_accepted': 'Təklifimizə vaxtında cavab vermədiyiniz üçün o, qəbul edilmiş sayılır; şikayətiniz bağlandı.',
  'view.closed.withdrawn': 'Şikayətiniz geri götürüldü və bağlandı.',
  'view.closed.out_of_scope': 'Şikayətiniz baxa biləcəyimiz məsələlərdən kənarda qaldığı üçün bağlandı; səbəbini sizə bildirdik.',
  'view.closed.duplicate': 'Bu şikayət baxdığımız başqa bir şikayəti təkrarladığı üçün bağlandı; digəri üzrə davam edirik.',
  'view.closed.external_decision': 'Müstəqil qurum qərar verdi, biz onun qərarını qeydə aldıq və şikayətiniz bağlandı.',
  'view.closed.no_response':
    'İstədiyimiz məlumatı vaxtında almadığımız üçün şikayətiniz bağlandı. Davam etməyimizi istəsəniz, bizimlə əlaqə saxlayın.',
  'view.closed.closed': 'Şikayətiniz bağlandı.',
};
