// Every message Plaint sends, rendered as plain text in Turkish or English. Pure: no I/O, so the
// read-model activity can render inside its transaction and tests can render every template.
export { renderCustomerMessage, type CustomerMessageTemplate } from './message-templates/customer.js';
export { renderStaffMessage } from './message-templates/staff.js';
export {
  messageLanguage,
  type MessageLanguage,
  type MessageParams,
  type MessageRemedy,
  type RenderedMessage,
} from './message-templates/format.js';
