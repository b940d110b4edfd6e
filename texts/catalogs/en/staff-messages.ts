// What staff read in notices, in English (the source catalog for staff keys). Notices name the
// complaint by reference, say what happened and what to do next.
export const staffMessages = {
  'staff.subjectLine': '{withReference, select, yes {{subject} ({reference})} other {{subject}}}',
  'staff.openLink': 'Open the complaint:',

  'staff.stage.acknowledgement': 'acknowledgement',
  'staff.stage.initialReview': 'initial review',
  'staff.stage.investigation': 'investigation',
  'staff.stage.conclusion': 'conclusion',
  'staff.stage.reinvestigation': 'reinvestigation',

  'staff.status.received': 'received',
  'staff.status.acknowledged': 'acknowledged, waiting to be assigned',
  'staff.status.in_review': 'in initial review',
  'staff.status.investigating': 'under investigation',
  'staff.status.awaiting_customer': 'waiting for information from the customer',
  'staff.status.resolution_proposed': "resolution proposed, awaiting the customer's answer",
  'staff.status.reinvestigating': 'being reinvestigated',
  'staff.status.open_external': 'open, customer referred to external remedies',
  'staff.status.closed': 'closed',

  'staff.level.assignee': 'assigned specialist',
  'staff.level.teamLead': 'team lead',
  'staff.level.complaintsManager': 'complaints manager',
  'staff.level.director': 'director',

  'staff.severity.low': 'low',
  'staff.severity.medium': 'medium',
  'staff.severity.high': 'high',
  'staff.severity.critical': 'critical',

  'staff.closure.accepted': 'the customer accepted the proposal',
  'staff.closure.deemed_accepted': 'no answer came, so the proposal was deemed accepted',
  'staff.closure.withdrawn': 'the complaint was withdrawn',
  'staff.closure.out_of_scope': 'the complaint was found out of scope',
  'staff.closure.duplicate': 'duplicate complaint',
  'staff.closure.external_decision': "an independent body's decision was recorded",
  'staff.closure.no_response': 'the customer did not send the information asked for in time',

  // How an answer that staff recorded reached them (`record_customer_answer`).
  'staff.recordedChannel.email': 'by e-mail',
  'staff.recordedChannel.phone': 'by phone',
  'staff.recordedChannel.live_chat': 'in live chat',
  'staff.recordedChannel.social_media': 'on social media',
  'staff.recordedChannel.letter': 'by letter',
  'staff.recordedChannel.fax': 'by fax',
  'staff.recordedChannel.front_office': 'in person at the customer service desk',
  'staff.recordedChannel.dealer': 'through the dealer',
  'staff.recordedChannel.sales_representative': 'through the sales representative',
  'staff.recordedChannel.technical_support': 'through technical support',
  'staff.recordedBy': 'The answer came {withChannel, select, yes {{channel} } other {}}and was recorded by {recordedBy}.',
  'staff.cameBy': 'The answer came {channel}; the customer wrote it themselves.',

  'staff.externalDecision.upheld': 'The complaint was upheld',
  'staff.externalDecision.partially_upheld': 'The complaint was partially upheld',
  'staff.externalDecision.not_upheld': 'The complaint was not upheld',
  'staff.externalDecision.settled': 'The parties reached a settlement',
  'staff.externalDecision.dismissed': 'The application was dismissed',

  'staff.nextStep.acknowledged': 'Please start the initial review.',
  'staff.nextStep.in_review': 'Please carry out the initial review and classify the complaint.',
  'staff.nextStep.investigating': 'Please investigate the root cause and propose a resolution to the customer.',
  'staff.nextStep.reinvestigating': "Please review the customer's reasons and propose a new resolution.",
  'staff.nextStep.awaiting_customer': "Continue the review once the customer's answer arrives.",
  'staff.nextStep.other': 'Please review the complaint.',

  'staff.complaint_assigned.subject': 'A complaint has been assigned to you',
  'staff.complaint_assigned.intro':
    '{withReference, select, yes {Complaint {reference}} other {The complaint}} has been assigned to you.',
  'staff.complaint_assigned.status': 'Current status: {status}.',

  'staff.complaint_routed.subject': 'A complaint has been routed to your department',
  'staff.complaint_routed.intro':
    '{withReference, select, yes {Complaint {reference}} other {The complaint}} has been routed to your department.',
  'staff.complaint_routed.category': 'Category: {category}',
  'staff.complaint_routed.severity': 'Severity: {severity}',
  'staff.complaint_routed.action': 'Please assign the complaint to a specialist{urgent, select, yes { and give it priority} other {}}.',

  'staff.deadline_warning.subject': 'Deadline approaching',
  'staff.deadline_warning.intro':
    'The {withStage, select, yes {{stage} stage} other {current stage}} of ' +
    '{withReference, select, yes {complaint {reference}} other {the complaint}} is nearly due' +
    '{withDueAt, select, yes { (deadline: {dueAt})} other {}}.',
  'staff.deadline_warning.action': 'Please complete the stage before the deadline, or escalate the complaint if you need help.',

  'staff.deadline_breached.subject': 'Deadline missed',
  'staff.deadline_breached.intro':
    'The {withStage, select, yes {{stage} stage} other {current stage}} of ' +
    '{withReference, select, yes {complaint {reference}} other {the complaint}} is past its deadline.',
  'staff.deadline_breached.repeated': 'This is breach notice {breachCount}.',
  'staff.deadline_breached.owner': 'Now responsible: {owner}.',
  'staff.deadline_breached.action': 'Please deal with the complaint without delay and keep the customer informed.',

  'staff.complaint_escalated.subject': 'Complaint escalated',
  'staff.complaint_escalated.intro': '{withReference, select, yes {Complaint {reference}} other {The complaint}} has been escalated.',
  'staff.complaint_escalated.level': 'Now responsible: {level}',
  'staff.complaint_escalated.reason': 'Reason: {reason}',
  'staff.complaint_escalated.action': 'Please review the complaint and take ownership of it.',

  'staff.customer_answered_info.subject': 'The customer answered the information request',
  'staff.customer_answered_info.intro':
    'The customer has answered the information request{withRequestId, select, yes { {requestId}} other {}} on ' +
    '{withReference, select, yes {complaint {reference}} other {the complaint}}. The stage clock is running again.',
  'staff.customer_answered_info.action': 'Please read the answer and continue the review.',

  'staff.customer_wrote.subject': 'The customer wrote to us',
  'staff.customer_wrote.intro':
    'The customer wrote {withChannel, select, yes {{channel} } other {}}about ' +
    '{withReference, select, yes {complaint {reference}} other {the complaint}}. The message is on its timeline.',
  'staff.customer_wrote.closed': 'The complaint is closed: what the customer wrote is below. File a new complaint if it raises a new problem.',
  'staff.customer_wrote.message': 'What the customer wrote:\n{message}',
  'staff.customer_wrote.action': 'Please read it and decide whether it changes the handling.',

  'staff.resolution_accepted.subject': 'The customer accepted the resolution',
  'staff.resolution_accepted.intro':
    'The customer accepted {withRound, select, yes {proposal {round}} other {the proposal}} for ' +
    '{withReference, select, yes {complaint {reference}} other {the complaint}}; the complaint is closed.',
  'staff.resolution_accepted.action': 'Please make sure the agreed solution is carried out.',

  'staff.resolution_rejected.subject': 'The customer rejected the resolution',
  'staff.resolution_rejected.intro':
    'The customer rejected {withRound, select, yes {proposal {round}} other {the proposal}} for ' +
    '{withReference, select, yes {complaint {reference}} other {the complaint}}. The complaint is back under investigation.',
  'staff.resolution_rejected.reason': "The customer's reason: {reason}",
  'staff.resolution_rejected.action':
    "Please look for other solutions with the customer's reason in mind and propose a new resolution.",

  'staff.answer_timed_out.subject': 'The customer did not answer in time',
  'staff.answer_timed_out.intro':
    'The customer did not answer {withRound, select, yes {proposal {round}} other {the proposal}} for ' +
    '{withReference, select, yes {complaint {reference}} other {the complaint}} in time.',
  'staff.answer_timed_out.deemedAccepted':
    'The proposal is deemed accepted and the complaint closed. Please make sure the solution is carried out.',
  'staff.answer_timed_out.stayOpen':
    "The complaint stays open and the customer's answer link still works. Please contact the customer.",
  'staff.answer_timed_out.other': 'Please check where the complaint stands.',

  'staff.info_request_timed_out.subject': 'The customer did not answer the information request in time',
  'staff.info_request_timed_out.intro':
    'The customer did not answer the information request{withRequestId, select, yes { {requestId}} other {}} on ' +
    '{withReference, select, yes {complaint {reference}} other {the complaint}} in time; their answer link no longer works.',
  'staff.info_request_timed_out.closed': 'The complaint has been closed for lack of a response, and the customer told.',
  'staff.info_request_timed_out.resumed':
    'The complaint is back in its earlier stage and the stage clock is running again. Please continue with the ' +
    'information you have, or reach the customer another way.',
  'staff.info_request_timed_out.other': 'Please check where the complaint stands.',

  'staff.complaint_open_external.subject': 'Complaint left open: customer referred to external remedies',
  'staff.complaint_open_external.intro':
    'The customer rejected the final proposal{withRound, select, yes { (proposal {round})} other {}} for ' +
    '{withReference, select, yes {complaint {reference}} other {the complaint}}. The complaint stays open and the ' +
    'customer has been told which independent bodies they can turn to.',
  'staff.complaint_open_external.action':
    "Please follow the case; when an independent body's decision arrives, record it on the complaint.",

  'staff.complaint_closed.subject': 'Complaint closed',
  'staff.complaint_closed.intro':
    '{withReference, select, yes {Complaint {reference}} other {The complaint}} has been closed.' +
    '{withClosure, select, yes { Reason: {closure}.} other {}}',
  'staff.complaint_closed.note': 'Note: {reason}',
  'staff.complaint_closed.original': 'Original complaint: {duplicateOf}',
  'staff.complaint_closed.decision': 'Decision: {decision}.',
  'staff.complaint_closed.afterAccepted':
    'Please make sure the agreed solution is carried out, and follow up any open corrective actions.',
  'staff.complaint_closed.afterExternalDecision':
    'Please carry out what the decision requires, and follow up any open corrective actions.',
  'staff.complaint_closed.nothingLeft':
    'No further action is needed on the complaint; keep following up any open corrective actions.',

  'staff.corrective_action_assigned.subject': 'A corrective action has been assigned to you',
  'staff.corrective_action_assigned.intro':
    'A corrective action{withId, select, yes { ({id})} other {}} on ' +
    '{withReference, select, yes {complaint {reference}} other {the complaint}} has been assigned to you.' +
    '{withDueDate, select, yes { Due date: {dueDate}.} other {}}',
  'staff.corrective_action_assigned.action': 'Please plan the action, complete it by the due date and record the result.',
  'staff.activity_failed.subject': 'A step of a complaint could not be computed',
  'staff.activity_failed.intro':
    '{withActivity, select, yes {The step "{activity}"} other {A step}} of ' +
    '{withReference, select, yes {complaint {reference}} other {the complaint}} stopped with an error that no retry can cure' +
    '{withError, select, yes { ({error})} other {}}.',
  'staff.activity_failed.action':
    'The complaint goes on, but the deadline or reminder this step computes may be missing. Please look into the cause and follow its deadlines by hand.',
  'staff.claim_refused.subject': 'Your queue claim could not be assigned to you',
  'staff.claim_refused.body':
    'You claimed {withReference, select, yes {complaint {reference}} other {a complaint}} from the queue of team {team}, but it could not be assigned to you: {closed, select, yes {it was closed meanwhile} other {its process does not allow that now}}. The claim has ended; claim the next complaint from the queue.',
};
