// Which calendar a process names: the shipped one with the process owners' overrides in force.
// The resolver lives in read-model/ because the API and other server code use the same one.
export {
  calendarResolver,
  createCalendarResolver,
  type CalendarResolver,
} from '../read-model/calendar-resolver.js';
