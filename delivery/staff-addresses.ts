// Who a staff message reaches: the outbox names staff symbolically (`escalation:teamLead`,
// `team:after_sales`, `department:after_sales`, `role:complaints_manager`, `user:<id>`); the staff
// directory (read-model/staff-directory.ts) turns that into people, for this complaint.
export interface StaffContact {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  /** The language the person reads (`tr`, `en`, `fa`, `az`). */
  language: string;
}

export interface StaffAddressBook {
  /** The people `recipient` (an outbox `recipient` value) means for this complaint; empty when nobody. */
  contactsFor(recipient: string, complaintId: string): Promise<StaffContact[]>;
}
