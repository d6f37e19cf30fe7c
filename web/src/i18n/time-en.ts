/** English for time by activity; the keys of time-fr.ts. */
import type { TimeResources } from "./time-fr.ts";

export const timeEn: TimeResources = {
  time: {
    nav: "Non-billable time",
    card: {
      title: "Time spent",
      help: "Time logged on this customer since {{start}}, by activity.",
      empty: "No time logged on this customer over the period.",
      headline: "{{duration}} spent {{activity}} this customer, {{cost}}",
      headlineNoCost: "{{duration}} spent {{activity}} this customer",
      nonBillable: "Non-billable time: {{duration}}, {{cost}}",
      nonBillableNoCost: "Non-billable time: {{duration}}",
      activity: "Activity",
      duration: "Time",
      cost: "Cost",
      costHelp: "At the charter's hourly cost: {{hourCost}} an hour.",
      total: "Total",
    },
    doing: {
      work: "working for",
      chasing: "chasing",
      revision: "redoing work for",
      complaint: "handling complaints from",
      negotiation: "negotiating with",
      admin: "on paperwork for",
    },
    timer: {
      title: "Timer",
      activity: "Activity timed",
      start: "Start the timer",
      stop: "Stop and log",
      discard: "Discard",
      running: "Running since {{since}}: {{elapsed}} ({{activity}})",
      elsewhere: "Your timer is already running on {{name}}: stop it first.",
      openElsewhere: "Go to that customer",
      stopped: "Time logged: {{duration}} ({{activity}}).",
      discarded: "Timer discarded: nothing was logged.",
    },
    manual: {
      title: "Log time",
      minutes: "Time (minutes)",
      activity: "Activity",
      date: "Date",
      submit: "Log the time",
      recorded: "Time logged.",
    },
    report: {
      title: "Non-billable time by customer",
      intro:
        "The customers who take the most unpaid time (chasing, revisions, negotiation, complaints), since {{start}}, at the charter's hourly cost ({{hourCost}} an hour).",
      empty: "No non-billable time logged over the period.",
      chartCaption: "Non-billable hours by customer and activity, the costliest first.",
      customer: "Customer",
      duration: "Time",
      cost: "Cost",
      hours: "hours",
    },
  },
};
