using Postmortem.Analysis;
using Postmortem.Model;
using Postmortem.Tests.Support;

namespace Postmortem.Tests.Analysis;

/// <summary>Kinds read clause by clause (docs/analysis.md, "Event kinds"): negation, plans, other parties, mitigations that did nothing.</summary>
public sealed class KindEvidenceTests
{
    [Fact]
    public void Every_built_in_regular_expression_is_made_at_build_time_and_matches_as_the_run_time_engine_does()
    {
        // Built at run time, the built-in expressions cost ~250 ms at every start of the AOT CLI (issue 8: draft within 30 ms):
        // a new built-in pattern needs its [GeneratedRegex] in KindPatterns.
        var patterns = KindLexicon.BuiltIn.Where(e => e.Form == LexiconForm.Pattern).Select(e => e.Pattern).ToList();
        Assert.NotEmpty(patterns);
        // Every line of the corpus's cases: real phrasing, thousands of lines.
        var texts = Directory.GetFiles(Repo.PathOf("tests", "Postmortem.Tests", "Corpus"), "*.yml", SearchOption.AllDirectories)
            .SelectMany(File.ReadAllLines).Where(l => l.Length > 3).Distinct().ToList();
        Assert.True(texts.Count > 1000, $"{texts.Count} corpus lines");
        foreach (var pattern in patterns)
        {
            var generated = KindPatterns.Of(pattern);
            Assert.NotNull(generated);
            // What the lexicon built before: the linear-time engine, or the backtracking one where a pattern is past its size limit.
            const System.Text.RegularExpressions.RegexOptions options = System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant;
            System.Text.RegularExpressions.Regex runtime;
            try
            {
                runtime = new System.Text.RegularExpressions.Regex(@"\b(?:" + pattern + @")\b", options | System.Text.RegularExpressions.RegexOptions.NonBacktracking);
            }
            catch (NotSupportedException)
            {
                runtime = new System.Text.RegularExpressions.Regex(@"\b(?:" + pattern + @")\b", options);
            }

            foreach (var text in texts)
            {
                Assert.Equal(runtime.Matches(text).Select(m => (m.Index, m.Value)), generated.Matches(text).Select(m => (m.Index, m.Value)));
            }
        }
    }

    [Fact]
    public void No_built_in_pattern_repeats_without_bound_a_part_that_can_match_in_more_than_one_way()
    {
        // The generated expressions backtrack and have no match timeout (a result must not depend on the machine's load):
        // their time is bounded only while no unbounded repeat holds another repeat or a part that can split a word two ways.
        var patterns = KindLexicon.BuiltIn.Where(e => e.Form == LexiconForm.Pattern).Select(e => e.Pattern).ToList();
        foreach (var pattern in patterns)
        {
            Assert.True(PatternShape.Problem(pattern) is null, PatternShape.Problem(pattern));
        }

        // The checker itself: it sees the classic catastrophic shapes and lets the lexicon's own through.
        Assert.NotNull(PatternShape.Problem(@"(?:\w+\s?)+done"));
        Assert.NotNull(PatternShape.Problem(@"(?:a|aa)*b"));
        Assert.NotNull(PatternShape.Problem(@"x(?:ab|a)+"));
        Assert.Null(PatternShape.Problem(@"(?:(?:are|is|was) )*operational"));
        Assert.Null(PatternShape.Problem(@"(?:\w+ ){0,5}operational"));
    }

    public static TheoryData<string, string?, string, bool> Cases => new()
    {
        // text, status, kind, expected to be evidence
        { "No page went out to the on-call engineer", null, "page", false },
        { "Site is down and Sam isn't answering, can you take a look?", null, "escalation", true },
        { "Sam isn't rolling back the deploy", null, "mitigation", false },
        { "Initial recovery: core connectivity restored", null, "mitigation", true },
        { "Initial recovery: core connectivity restored", null, "resolution", false },
        { "On-call engineer paged", null, "page", true },
        { "Preparing to roll back the deploy", null, "mitigation", false },
        { "I'll post on the status page", null, "communication", false },
        { "Rolled back the deploy", null, "mitigation", true },
        { "Reverted the change, but errors continued", null, "mitigation", false },
        { "Our CDN provider posted on their status page", null, "communication", false },
        { "Status page updated to resolved", null, "communication", true },
        { "Status page updated to resolved", null, "resolution", true },
        { "Everything except the mobile site was back up", null, "resolution", false },
        { "Everything except the mobile site was back up", null, "mitigation", true },
        { "Resolved - This incident has been resolved.", null, "communication", true },
        { "Queue backed up", "**SEV-1 opened**", "escalation", true },
        { "Latency is back at its usual level", null, "resolution", true },
        { "Decided to roll back the deploy", null, "mitigation", false },

        // Forms read in public write-ups and chat pastes (corpus train split).
        { "Our monitoring told us the service had stopped responding", null, "alert", true },
        { "Our monitoring told us the service had stopped responding", null, "impact", true },
        { "Icinga: CRITICAL dns1 resolver not answering", null, "alert", true },
        { "Health check monitors were failing", null, "alert", true },
        { "On-call gets a low-urgency page because end-to-end tests fail", null, "page", true },
        { "The downtime ran for three hours", null, "impact", true },
        { "Users in #help saying the wiki takes 10s to load", null, "customer-report", true },
        { "Customers are emailing that their downloads are empty", null, "customer-report", true },
        { "More engineers join the incident room", null, "escalation", true },
        { "We opened an incident marking the dashboard Partially Degraded", null, "escalation", true },
        { "We opened an incident marking the dashboard Partially Degraded", null, "communication", true },
        { "Incident declared resolved", null, "escalation", false },
        { "Status note is up", null, "communication", true },
        { "Emailed the two customers that exports are being rerun", null, "communication", true },
        { "We spotted problems in recent configuration changes and rolled them back", null, "mitigation", true },
        { "Pulling dns1 out of the resolver list for now", null, "mitigation", true },
        { "Raising the quota now as a stopgap", null, "mitigation", true },
        { "We are starting to bring services back", null, "mitigation", true },
        { "Instances were rebuilt and customers started to see partial recovery", null, "mitigation", true },
        { "Instances were rebuilt and customers started to see partial recovery", null, "resolution", false },
        { "Everything works again", null, "resolution", true },
        { "All green, both resolvers healthy, closing this out", null, "resolution", true },
        { "We believe all customer impact is now mitigated", null, "resolution", true },
        { "Ops confirmed that all delays are cleared", null, "resolution", true },
        { "The DBA finds and applies the fix", null, "mitigation", true },
        { "We moved traffic to a backup", null, "mitigation", true },
        { "Full functionality was back", null, "resolution", true },
        { "A small group of users still has connectivity problems", null, "impact", true },
        { "The WARP team sees registrations of new devices fail and declares an incident", null, "impact", true },
        { "The WARP team sees registrations of new devices fail and declares an incident", null, "escalation", true },
        { "Incident priority raised to P1", null, "escalation", true },
        { "The platform is stable", null, "resolution", true },

        // Eighth session: clause-level forms (docs/accuracy.md, "2026-12-04, eighth session").
        { "Google Cloud gave the all clear for their incident after rolling back changes", null, "resolution", false },
        { "Google Cloud gave the all clear for their incident after rolling back changes", null, "mitigation", false },
        { "The first signs of recovery came, when web access came back", null, "resolution", false },
        { "The first signs of recovery came, when web access came back", null, "mitigation", true },
        { "We declared the first major service operational", null, "resolution", false },
        { "Rollout complete, all services operational", null, "resolution", true },
        { "Restarting hosts looked like it fixed things, but one cluster became unreachable", null, "mitigation", false },
        { "Restarted the daemon, it died again straight away", null, "mitigation", false },
        { "All queued work has been processed and performance is no longer degraded", null, "resolution", true },
        { "Performance is no longer degraded", null, "resolution", true },
        { "Performance is no longer degraded", null, "impact", false },
        { "Mail was no longer delayed for most customers", null, "resolution", false },
        { "Backlog fully processed", null, "resolution", true },
        { "All tiers serving normally", null, "resolution", true },
        { "Outage of the Billing area ends", null, "resolution", true },
        { "Health checks green for the first half of the fleet", null, "mitigation", true },
        { "Health checks green for the first half of the fleet", null, "resolution", false },
        { "RECOVERY: api 503 rate is OK", null, "resolution", true },
        { "Status.example.org note is posted", null, "communication", true },
        { "Error rates falling, edge nodes pulling assets again", null, "mitigation", true },
        { "Performance is better than an hour ago", null, "mitigation", true },
        { "Errors are back for EU users", null, "resolution", false },
        { "Errors are back for EU users", null, "impact", true },
        { "The outage came back, this time only in the Billing area", null, "resolution", false },

        // A sentence that opens as a plan or a request has not happened, however far the phrase is from its opening.
        { "I'll put a banner in the app and update status page", null, "communication", false },
        { "Eliza: can you post a note on the status blog", null, "communication", false },
        { "Banner is up. I updated the status page", null, "communication", true },

        // Status-page copies without labels, escalation and mitigation in chat, recoveries still awaited (2026-12-03).
        { "Users can't connect to Slack. We're looking into it and will update shortly.", null, "communication", true },
        { "Service is back. Sorry for the disruption, and thanks for your patience.", null, "communication", true },
        { "Saw the ping, joining now", null, "escalation", true },
        { "We started deploying a temporary fix", null, "mitigation", true },
        { "We're working to get things back to normal and will update soon", null, "resolution", false },
        { "Users are recovering; it will take another 10 minutes for everyone to come back online", null, "resolution", false },

        // Forms of public status histories and postmortems (2026-12-04).
        { "We opened an incident on our status page for degraded KV", null, "escalation", false },
        { "We opened an incident on our status page for degraded KV", null, "communication", true },
        { "We reported the incident to Fastly", null, "escalation", true },
        { "More reports came in through Intercom about services not responding", null, "customer-report", true },
        { "An app should have been redeployed automatically once deployments were back", null, "resolution", false },
        { "Communication is restored between a small subset of hosts", null, "resolution", false },
        { "Communication is restored between a small subset of hosts", null, "mitigation", true },
        { "The remaining packet loss was fully mitigated", null, "resolution", true },
        { "Error rates started to improve", null, "mitigation", true },
        { "First communications went out to affected customers", null, "communication", true },

        // A verb of a phrase written as a plural noun with a participle of its own is not the phrase's action (2026-12-05).
        { "Order emails delayed for all customers", null, "communication", false },
        { "Support emails affected customers with the workaround", null, "communication", true },
        { "The on-call emails customers once the export finishes", null, "communication", true },

        // A message noun that "went out", and isolated sessions named with a phrase of their own (2026-12-05, nineteenth session).
        { "Customer notifications went out at 10:05", null, "communication", true },
        { "Customer notifications went up during the outage", null, "communication", false },
        { "Sessions to the bad peer were shut down", null, "mitigation", true },
        { "Ports on the core switch were shut down at 14:02", null, "mitigation", true },
        { "Sessions from all users were shut down by the fault", null, "mitigation", false },
        { "We waited while they replaced the hardware and brought the network back", null, "mitigation", false },
        { "We waited while they replaced the hardware and brought the network back", null, "resolution", true },
        { "We were waiting for the provider to bring the circuit back up", null, "mitigation", false },
        { "We waited for the rollback to finish and restarted the workers", null, "mitigation", true },
        { "While we waited for the vendor, we failed over to the standby", null, "mitigation", true },
        { "Provider says the fibre is spliced, but the link won't come up", null, "mitigation", false },
        { "We rolled back the release so the nodes would not load the bad config", null, "mitigation", true },

        // Forms read in public write-ups and status pages outside the corpus (docs/accuracy.md, 2026-12-04, s7-acc).
        { "Configuration rolled back, normal service resumed", null, "resolution", true },
        { "The system was operating properly", null, "resolution", true },
        { "Query history is accessible again", null, "resolution", true },
        { "Application performance is back at normal levels", null, "resolution", true },
        { "Normal operations restored", null, "resolution", true },
        { "The transaction backlog has finished processing", null, "resolution", true },
        { "Incident mitigated across the network", null, "resolution", true },
        { "Re-ran the failed jobs, all 212 exports delivered", null, "resolution", true },
        { "Message delivery was fully back, while the team kept working toward a complete recovery", null, "resolution", false },
        { "Message delivery was fully back, while the team kept working toward a complete recovery", null, "mitigation", true },
        { "Nearly all the delayed mail has been delivered", null, "resolution", false },
        { "Traffic and latency are fully restored. Some load is still shed on the replicas", null, "resolution", true },
        { "Everything is back online. Some users may still see DNS errors", null, "resolution", false },
        { "By 10:00 a.m. PDT delivery was fully back, while work toward a full recovery went on", null, "resolution", false },
        { "Cache purge initiated across all CDN nodes", null, "mitigation", true },
        { "New capacity was added to the API servers", null, "mitigation", true },
        { "The team is putting a fix in place", null, "mitigation", false },
        { "A fix has been implemented and we are monitoring the results", null, "mitigation", true },
        { "Users and latency are recovering strongly", null, "mitigation", true },
        { "The on-call engineer started a bridge and began investigating", null, "escalation", true },
        { "After hearing from our users the team looked into it", null, "customer-report", true },
        { "Marketing sent out targeted emails to affected customers", null, "communication", true },
        { "Another recent deploy is rolled back as a precaution; errors continue", null, "mitigation", false },
        { "Actions was already getting better", null, "mitigation", true },
        { "Please bear with us while we look into it", null, "communication", true },
        { "The admin raises the task in #wikimedia-operations", null, "escalation", true },
        { "We dropped off most networks", null, "impact", true },
        { "Customers could not log in", null, "impact", true },
        { "The core service is coming back up", null, "resolution", false },
        { "The core service is back up", null, "resolution", true },

        // Tenth session: forms of status histories written without the page's labels, each a sentence of our own.
        { "We have lost service on the link to the north site", null, "impact", true },
        { "A fault on our network affects some customers", null, "impact", true },
        { "Two storage nodes are becoming unstable in the heat", null, "impact", true },
        { "We raised it with the carrier as a P1 case", null, "escalation", true },
        { "Opened a ticket with our hosting provider", null, "escalation", true },
        { "We are working with the datacenter on it", null, "escalation", true },
        { "Got the upstream NOC on the phone", null, "escalation", true },
        { "We are working with customers on it", null, "escalation", false },
        { "The cold nodes are being started one at a time", null, "mitigation", true },
        { "All web servers started cleanly", null, "mitigation", true },
        { "All web servers started failing health checks", null, "mitigation", false },
        { "Power is fully back. The remaining racks will be started within the hour", null, "resolution", false },
        { "Power is fully back. The remaining racks will be started within the hour", null, "mitigation", true },
        { "Power is fully restored, booting the remaining racks", null, "resolution", false },
        { "Power is back and the remaining racks are running again", null, "resolution", true },
        { "Search is better but still slow", null, "mitigation", true },
        { "We added a standby in case we need to fail over", null, "mitigation", false },
        { "The queue congestion clears", null, "resolution", true },
        { "The resolver was answering queries again", null, "resolution", true },
        { "We took steps to ease the pressure on the primary", null, "mitigation", true },
        { "Can you get the CDN provider on the call? We need their help", null, "escalation", true },
        { "We contacted our hosting vendor about the failed disks", null, "escalation", true },
        { "@dana can you get the DNS vendor on? we need them", null, "escalation", true },
        { "@dana can you restart the DNS pods?", null, "mitigation", false },
        { "@omar please join, the replicas are lagging", null, "escalation", true },
        { "I'll join the bridge after lunch", null, "escalation", false },
        { "The edge routes are no longer losing packets", null, "resolution", true },
        { "The affected edge routes are no longer losing packets", null, "resolution", true },
        { "Remediation steps fail to bring latency back to normal", null, "resolution", false },
        { "Remediation steps fail to bring latency back to normal", null, "mitigation", false },
        { "Clients start reconnecting to the broker", null, "mitigation", true },
        { "Message sent to the affected clients", null, "communication", true },
        { "Customer notice sent: your VM was moved to another host", null, "communication", true },
        { "The in-app banner and tweet are out", null, "communication", true },
        { "The switch was replaced and we are watching to make sure everything is back", null, "resolution", false },
        { "Full remediation was reached that day", null, "resolution", true },
        { "Signs of full recovery; we kept watching the metrics", null, "resolution", false },
        { "We had an incident that ended that evening", null, "resolution", true },

        // Eleventh session: calls for people put in other ways, each a sentence of our own.
        { "Opened a case with Azure Storage support", null, "escalation", true },
        { "Database engineers were contacted straight away", null, "escalation", true },
        { "We contacted the storage on-call", null, "escalation", true },
        { "@mira can you take a look? the queue is not draining", null, "escalation", true },
        { "Customers contacted us about slow pages", null, "escalation", false },
        { "Some members could not log into the portal", null, "impact", true },

        // Twelfth session: a failover or restart the failing system made by itself is the failure, not an action taken.
        { "The cache cluster lost a node and failed over to the standby", null, "mitigation", false },
        { "The billing worker keeps crashing and restarting", null, "mitigation", false },
        { "We failed over to the standby after the primary went down", null, "mitigation", true },
        { "Restarting the workers that went down overnight", null, "mitigation", true },
        { "Notice sent: hardware fault, your server has been restarted on a spare host", null, "mitigation", true },
        { "Search nodes restarted on the new hosts", null, "mitigation", true },
        { "Early findings point to a controller reboot in the storage array", null, "mitigation", false },

        // "Affected" that only names what was hit is not impact told.
        { "The carrier keeps a close eye on the affected switch", null, "impact", false },
        { "We will pass the report on to affected members", null, "impact", false },
        { "We are still working out what was affected", null, "impact", false },
        { "Members in Leeds are affected", null, "impact", true },
        { "Two racks affected by the power cut", null, "impact", true },

        // A fault said to be over, and a flow said to be back or gone: "no more X", "no X since", "X arriving again", "X stopped arriving".
        { "Link is up on the new optics, no more packet loss", null, "resolution", true },
        { "Patch is live. no timeouts since, orders arriving again from every shop", null, "resolution", true },
        { "Invoices stopped arriving from the EU shops", null, "impact", true },
        { "The 5xx errors have gone up again since the deploy", null, "resolution", false },
        { "We switched the DNS resolvers to the hosting partner's and pages came back online", null, "mitigation", true },
        { "The reseller backed out of the contract", null, "mitigation", false },
        { "Pre-checks all green, starting the change", null, "resolution", false },
        { "Failover done, dashboards all green", null, "resolution", true },

        // A negation or a new clause inside a recovery phrase: no recovery, and the impact stays told.
        { "The errors have not stopped since the restart", null, "resolution", false },
        { "The errors have not stopped since the restart", null, "impact", true },
        { "Users could not log in again after the second deploy", null, "resolution", false },
        { "Errors started after the nightly backup ended", null, "resolution", false },
        { "Errors started after the nightly backup ended", null, "impact", true },
        { "The sync errors on the EU gateway stopped", null, "resolution", true },
        { "Engineers identified elevated 5xx errors at 09:12, caused by a bad config push", null, "impact", true },
        { "We identified the expired certificate as the cause of the errors", null, "impact", false },
    };

    [Theory]
    [InlineData("Time occurred: the morning of the 4th", "impact")]
    [InlineData("The mail service came back step by step", "mitigation")]
    [InlineData("The web shop starts to come back for some regions", "mitigation")]
    [InlineData("We notified the affected hospitals by email", "communication")]
    [InlineData("Rolling restart complete, all customers restored", "resolution")]
    [InlineData("Payments flowing for everyone again", "resolution")]
    [InlineData("Calling Ana at the datacenter to swap the disk", "escalation")]
    [InlineData("Notifications began arriving about slow checkouts", "alert")]
    [InlineData("checkout deployed by hand, 500s have stopped", "resolution")]
    [InlineData("new build is live, timeouts gone", "resolution")]
    [InlineData("Several shops had trouble logging in to the till app", "impact")]
    [InlineData("We called the regulator to tell them about the outage", "communication")]
    [InlineData("The night operator realises the backups are failing", "diagnosis")]
    [InlineData("From 6 AM we started getting notifications about slow page loads", "alert")]
    [InlineData("We switched the DNS resolvers to the hosting partner's and pages came back online", "resolution")]
    [InlineData("After the purge, old invoices could not be found in the archive", "impact")]
    [InlineData("We're backing the firmware upgrade out now", "mitigation")]
    public void Batch_seven_forms_take_their_kind(string text, string kind)
    {
        // Twelfth session: forms of the seventh batch's train cases, each a sentence of our own; thirteenth session (from
        // "500s have stopped" on): forms of the eighth and ninth batches' train cases.
        Assert.Equal(kind, KindLexicon.Default.Classify(text).Kind.ToName());
    }

    public static TheoryData<string, string, bool> WriteUpForms => new()
    {
        // Fourteenth session: general forms of how public write-ups outside the corpus word these moments
        // (tests/Postmortem.Tests/Kinds, dev split), each a sentence of our own; text, kind, expected to be evidence.
        { "The downtime ended at last", "resolution", true },
        { "The outage came to an end when the link was spliced", "resolution", true },
        { "The login errors were finally resolved", "resolution", true },
        { "The login errors were finally resolved", "impact", false },
        { "The backlog of queued emails had been worked through", "resolution", true },
        { "All of the delayed push queues had been cleared", "resolution", true },
        { "All of the delayed push queues had been cleared", "impact", false },
        { "Payments were processed normally again", "resolution", true },
        { "The API has remained stable for the last two hours", "resolution", true },
        { "Stable connectivity over the past 30 minutes", "resolution", true },
        { "The router has stayed stable since the incident", "resolution", false },
        { "Card payments stopped failing", "resolution", true },
        { "Card payments stopped failing", "impact", false },
        { "Latency is high in Frankfurt and we are looking into it", "communication", true },
        { "Queues are draining; we will keep monitoring", "communication", true },
        { "Service is back, a post-mortem will follow", "communication", true },
        { "More updates to follow", "communication", true },
        { "A fix has been deployed to the billing workers", "mitigation", true },
        { "A fix has been deployed to the billing workers", "change", false },
        { "The problem with the mail relay was rectified", "mitigation", true },
        { "The fix went out to every region", "mitigation", true },
        { "The damaged cable was repaired", "mitigation", true },
        { "Repair work started on the core switch", "mitigation", true },
        { "Customers were moved to a backup server", "mitigation", true },
        { "Calls are running over a backup circuit for now", "mitigation", true },
        { "Preparing to send calls over a backup circuit", "mitigation", false },
        { "Timeouts are less frequent since the cache change", "mitigation", true },
        { "The config tweak improved things", "mitigation", true },
        { "We rolled every shop back to the old release", "mitigation", true },
        { "We rolled every shop back to the old release", "change", false },
        { "Every change from the release was reverted", "change", false },
        { "The workers are processing orders again, with a backlog still to work through", "mitigation", true },
        { "We declared an internal incident", "escalation", true },
        { "Opened a new critical incident for the checkout failures", "escalation", true },
        { "A response team was mobilised", "escalation", true },
        { "Two engineers were dispatched to the data centre", "escalation", true },
        { "We will not dispatch engineers until the morning", "escalation", false },
        { "The fault has been reported to the carrier's service desk", "escalation", true },
        { "Support forwarded the ticket to the database team", "escalation", true },
        { "We raised a fault on the leased line", "escalation", true },
        { "Monitoring started raising alerts about many faults", "escalation", false },
        { "We contacted our fibre supplier", "escalation", true },
        { "We have notified our hosting partner", "escalation", true },
        { "The on-call team was notified", "page", true },
        { "Our monitoring systems are reporting packet loss in Leeds", "alert", true },
        { "Monitoring marked the node as dead", "alert", true },
        { "We detected that the disk was full", "diagnosis", true },
        { "Debugging the proxy config", "diagnosis", true },
        { "The cut in the cable was located", "diagnosis", true },
        { "Requests were timing out", "impact", true },
        { "Exports started to lag", "impact", true },
        { "The upgrade broke logins", "impact", true },
        { "Jobs are backing up", "impact", true },
        { "We are backing up the database before the upgrade", "impact", false },
        { "Throughput of the ingest pipeline dropped", "impact", true },
        { "Loss of service in two exchanges", "impact", true },
        { "Invoices were not being delivered", "impact", true },
        { "Her file was still missing from the share", "impact", true },
        { "Tills would not boot", "impact", true },
        { "Connectivity was lost to the rack", "impact", true },
        { "Events went missing overnight", "impact", true },
        { "Two users raised a report about slow search", "customer-report", true },
    };

    [Theory]
    [MemberData(nameof(WriteUpForms))]
    [MemberData(nameof(GeneralReadings))]
    public void Forms_of_public_write_ups_give_their_kind(string text, string kind, bool expected)
    {
        var evidence = KindLexicon.Default.Read(text, null);
        Assert.True(expected == evidence.Any(e => e.Kind.ToName() == kind), $"{text}: {string.Join("; ", evidence.Select(e => $"{e.Kind.ToName()}:'{e.Phrase}'"))}");
    }

    public static TheoryData<string, string, bool> GeneralReadings => new()
    {
        // Fifteenth session: word classes and clause readings rather than one phrase per sentence (tuned on the dev and first
        // held-out kind sentences, measured on the second); each a sentence of our own; text, kind, expected to be evidence.
        { "Checkout requests are succeeding again", "resolution", true },
        { "Staff could sign in to the portal again", "resolution", true },
        { "The import job worked again after the restart", "resolution", true },
        { "Timeouts on the EU payment gateway came to an end", "resolution", true },
        { "Timeouts on the EU payment gateway came to an end", "impact", false },
        { "The sync errors reported by the mobile app stopped", "resolution", true },
        { "The outage ended up hitting every region", "resolution", false },
        { "The outage stopped all card payments", "resolution", false },
        { "Every mail server was confirmed online", "resolution", true },
        { "We are still working on the billing export", "communication", true },
        { "We're seeing slow page loads in Sydney", "communication", true },
        { "We continue to monitor the queue", "communication", true },
        { "We published the incident report", "communication", true },
        { "The ops team remediated the misrouted traffic", "mitigation", true },
        { "Search indexes are being restored from the snapshot", "mitigation", true },
        { "The noisy node was taken out of service", "mitigation", true },
        { "The noisy node was taken out of service", "impact", false },
        { "We disabled the partner webhooks", "mitigation", true },
        { "Two complaints about missing receipts", "customer-report", true },
        { "We escalated the ticket to the database team", "customer-report", false },
        { "The alarms led us to call an incident", "escalation", true },
        { "The workers were stuck in a restart loop", "impact", true },
        { "The workers were stuck in a restart loop", "mitigation", false },
        { "The storage cluster went through an unplanned reboot", "impact", true },
        { "The storage cluster went through an unplanned reboot", "mitigation", false },
        { "A firmware update rebooted every switch in the row", "impact", true },
        { "A firmware update rebooted every switch in the row", "mitigation", false },
        { "The hosts kept rebooting", "mitigation", false },
        { "We kept restarting the proxy to buy time", "mitigation", true },
        { "We rebooted the router after the firmware update", "mitigation", true },
        { "Engineers were notified of slow queries on the primary", "alert", true },
        { "Nightly testing flagged a problem with backups", "alert", true },
        { "We identified the expired token as the cause of the login errors", "impact", false },
        { "We identified the expired token as the cause of the login errors", "diagnosis", true },
        { "Login errors began after the token expired", "impact", true },
        { "Updated the status page to acknowledge the outage", "page", false },
        { "Acknowledged the page and updated the status page", "page", true },
        { "Queue latency stabilised", "impact", false },
        { "The broken release was rolled back", "impact", false },
        { "Latency spiked and the pods restarted", "impact", true },
        { "Webhooks stopped being delivered", "impact", true },
        { "Webhooks stopped being delivered", "resolution", false },

        // Sixteenth session: word classes of stopping the bleeding, recovery, impact start and telling (tuned on dev, heldout,
        // heldout2 and train, measured on the blind heldout3); each a sentence of our own.
        // A measure and its direction: a bad measure falling or a good one rising is the bleeding stopping.
        { "The error rate on the checkout API fell sharply", "mitigation", true },
        { "The error rate on the checkout API fell sharply", "impact", false },
        { "Timeouts dropped steadily over the next ten minutes", "mitigation", true },
        { "The success rate climbed back towards 99%", "mitigation", true },
        { "The load balancer went down", "mitigation", false },
        // Onto a backup path, or a backup taking over.
        { "We moved the office phones over to the backup line", "mitigation", true },
        { "The standby router took over", "mitigation", true },
        { "The surviving nodes took the load", "mitigation", true },
        // Repair and replacement of what broke; a fix applied; a known-good version.
        { "The engineer replaced the failed power supply", "mitigation", true },
        { "The damaged patch cable has been replaced", "mitigation", true },
        { "The field crew began splicing the cut fibre", "mitigation", true },
        { "Spare disks are installed", "mitigation", true },
        { "They corrected the route map on the edge router", "mitigation", true },
        { "The vendor applied a firmware fix", "mitigation", true },
        { "We redeployed the previous stable build", "mitigation", true },
        { "We freed up disk space on the log volume", "mitigation", true },
        { "Ops put a temporary redirect in place", "mitigation", true },
        { "The beta search toggle is off", "mitigation", true },
        { "Support turned off the calendar sync", "mitigation", true },
        // Stopping what fed the incident, blocking what attacked it, adding capacity, working off the backlog.
        { "We stopped the runaway export job", "mitigation", true },
        { "The workers stopped processing jobs", "mitigation", false },
        { "We blocked new signups for the afternoon", "mitigation", true },
        { "The scraper's IP ranges were blocked", "mitigation", true },
        { "We doubled the worker pool", "mitigation", true },
        { "Engineers spun up 12 more workers", "mitigation", true },
        { "The consumers are working through the backlog", "mitigation", true },
        // Recovery: a way of working again, users able to act again, full service, restrictions lifted.
        { "The nightly builds are running again", "resolution", true },
        { "Customers can place orders again", "resolution", true },
        { "Customers saw errors again", "resolution", false },
        { "Every site had full service again", "resolution", true },
        { "The trading restrictions were lifted", "resolution", true },
        // Impact: sudden drops, disconnections, lost capacity, failing to get through, users unable to act, slowness told as time.
        { "Active sessions fell off a cliff", "impact", true },
        { "Players were kicked out of their matches", "impact", true },
        { "We lost most of the storage cluster", "impact", true },
        { "Inbound calls were not getting through", "impact", true },
        { "The mail relay was not running", "impact", true },
        { "The database went read-only", "impact", true },
        { "Phones started deregistering", "impact", true },
        { "Shoppers had trouble checking out", "impact", true },
        { "Members cannot upload photos", "impact", true },
        { "Page loads were taking more than 20 seconds", "impact", true },
        { "The cluster has been dark since noon", "impact", true },
        // Telling: a tell verb and an audience, a note on a channel, a promise of updates.
        { "IT emailed all staff about the VPN problem", "communication", true },
        { "We told affected merchants that refunds were delayed", "communication", true },
        { "We notified the on-call engineer", "communication", false },
        { "Put a short notice on the forums", "communication", true },
        { "A recorded message was put on the phone system", "communication", true },
        { "Next update in 30 minutes", "communication", true },
        // Reports from customers, in other words.
        { "We started getting calls from clinics about failed logins", "customer-report", true },
        { "A subscriber reported broken links", "customer-report", true },
        { "A pharmacist rang the help desk to report that prescriptions would not print", "customer-report", true },
        // Escalation: a case with another party, asking a provider, calling in our own people, asking for hands.
        { "We raised a case with the colo about the cooling", "escalation", true },
        { "We raised a case with the colo about the cooling", "customer-report", false },
        { "Ticket opened with the transit carrier", "escalation", true },
        { "We asked the upstream provider for a timeline", "escalation", true },
        { "We notified our developers", "escalation", true },
        { "Could use a second pair of hands on the storage nodes", "escalation", true },
        // Clause readings: whose action ended the impact, impact still told after a recovery, "should be", denied effects.
        { "We rebooted the core switch and traffic returned to normal", "mitigation", true },
        { "We rebooted the core switch and traffic returned to normal", "resolution", true },
        { "Map tiles were restored by switching to the spare link", "mitigation", true },
        { "We confirmed that the queue had recovered", "mitigation", false },
        { "The carrier fixed their router and calls returned to normal", "mitigation", false },
        { "The admin portal has been restored; the reporting API is still unavailable", "mitigation", true },
        { "The admin portal has been restored; the reporting API is still unavailable", "resolution", false },
        { "Service has been restored; we are still investigating the root cause", "resolution", true },
        { "Service has been restored; we are still investigating the root cause", "mitigation", false },
        { "All services should be back online now", "resolution", true },
        { "Mail should be back to normal by 17:00", "resolution", false },
        { "Ops rebooted the gateways, but the phones did not come back", "mitigation", false },
        { "We deployed an emergency rate limit", "change", false },
        { "The DDoS mitigation service scrubs our traffic", "mitigation", false },
        // More classes: repairs told with their object, a backlog worked off, an impact that went away or came back.
        { "Repairs to the damaged duct were completed", "mitigation", true },
        { "The cache tweak brought latency and CPU back down", "mitigation", true },
        { "We moved the tenants back to the old cluster", "mitigation", true },
        { "Traffic was moved back onto the primary link", "resolution", true },
        { "The backlog of queued invoices was fully worked off", "resolution", true },
        { "The congestion cleared up on its own", "resolution", true },
        { "Create errors are at zero", "resolution", true },
        { "The first payment went through successfully", "mitigation", true },
        { "The sync problem has come back on another node", "impact", true },
        { "We ran into trouble with the storage array", "impact", true },
        { "Intermittent packet loss on the Leeds circuit", "impact", true },
        { "A bug stops users from saving drafts", "impact", true },
        { "Notifications of failed health checks kept coming in", "alert", true },
        { "A stale cache entry turned out to be the culprit", "diagnosis", true },
        { "We re-sent the failed invoices", "mitigation", true },
        { "The cache node was marked dead and it was replaced, and writes began to fail", "mitigation", false },
        { "The carrier is still splicing the cable", "mitigation", false },
        { "Ops rebooted the edge node to restore service", "resolution", false },
        // Telling, again: a notice sent, "emailed that", the status voice watching results, and the second-person address.
        { "IT sent a campus-wide notice about the outage", "communication", true },
        { "The registrar emailed that transfers were working", "communication", true },
        { "We have rolled out a fix and are monitoring the results", "communication", true },
        { "You may see delays on outbound mail", "communication", true },
        { "Can you take a look at the queue", "communication", false },
        { "The help desk told us customers were calling about it", "communication", false },

        // Twenty-sixth session (tuned on dev, heldout, heldout2, heldout3 and train, measured on the blind heldout4); each a
        // sentence of our own. Held-up work worked off is the work, not impact told.
        { "We drained the backlog of queued exports", "impact", false },
        { "The invoice backlog should clear within the hour", "impact", false },
        { "A backlog of unsent receipts built up", "impact", true },
        { "Receipts were delayed by two hours", "impact", true },
        // A "once" told in the past is a fact; one still to come waits.
        { "Once the stuck cron jobs were killed, the dashboards went back to normal", "resolution", true },
        { "Once the patch is out, mail will be back to normal", "resolution", false },
        // Recovery: available to someone again, normal work restored, held-up work completed, a backlog now cleared. A bare "is
        // available again" is left a mitigation on purpose (docs/analysis.md): a service reachable again, not yet said whole.
        { "The portal is available to students again", "resolution", true },
        { "We restored normal order processing", "resolution", true },
        { "Card processing works normally", "resolution", true },
        { "All held-up exports completed successfully", "resolution", true },
        { "The export backlog has now been cleared", "resolution", true },
        { "The system is available again", "resolution", false },
        { "The system is available again", "mitigation", true },
        // Impact: no access, buckling under load, stopped from working, never done.
        { "Half of the branch offices had no internet", "impact", true },
        { "We had no service impact during the switchover", "impact", false },
        { "The scheduler buckled under the morning load", "impact", true },
        { "A certificate error stopped invoices from being sent", "impact", true },
        { "A certificate error stopped invoices from being sent", "resolution", false },
        { "Password reset emails were queued but never delivered", "impact", true },
        // Mitigation: a setting corrected, a failed job cleared.
        { "The wrong DNS setting was corrected", "mitigation", true },
        { "Ops cleared the failed export job", "mitigation", true },

        // Review of the twenty-sixth session. Work held up and then worked off, told in one clause, is still the impact: the word
        // run to "processed/cleared" stops at before, until, after and for.
        { "Invoices were delayed for hours before being processed", "impact", true },
        { "Statement emails were delayed for two days before being delivered", "impact", true },
        { "Customer payouts were delayed by a day before finally being cleared", "impact", true },
        // A "once" clause in the present passive or perfect is a forecast, not a recovery told.
        { "Once the hotfix is deployed, checkout should be back online", "resolution", false },
        { "Once traffic is shifted, the site is back online", "resolution", false },
        // Harm avoided is not impact: told with luck, or what never went out / was stopped is itself the bad thing.
        { "Thankfully the corrupted invoices were never sent", "impact", false },
        { "Luckily the half-written export was never delivered", "impact", false },
        { "The bad config was never synced to the other regions", "impact", false },
        { "The circuit breaker stopped the bad requests from reaching the database", "impact", false },
        { "Disabling the job stopped the duplicate emails from being sent", "impact", false },
        { "Disabling the job stopped the duplicate emails from being sent", "mitigation", true },
        { "A bad certificate stopped invoices from being sent", "impact", true },
        // A responder's obstacle is not users' impact; users without access still are.
        { "The on-call engineer had no access to the runbook", "impact", false },
        { "I had no access to the production console", "impact", false },
        { "We had no power to change the vendor's DNS", "impact", false },
        { "Customers had no access to their accounts", "impact", true },
        { "The warehouse had no power for an hour", "impact", true },
    };

    [Fact]
    public void A_status_pages_postmortem_retelling_the_failure_does_not_report_impact_again()
    {
        var pm = AnalysisTests.FromNotes("07:00 Investigating - Logins are failing for some accounts\n07:30 Monitoring - A fix is in place and logins work as expected again\n07:50 Resolved - This incident has been resolved\n18:00 Postmortem - A revoked token made every login begin to fail until the fix");
        Assert.Equal("07:30", pm.Keys.Resolution!.Time.ToString("HH:mm", null));
    }

    [Theory]
    [InlineData("Joined. our auth calls are coming back with errors", "mitigation", false)]
    [InlineData("The health probes came back with a 503", "resolution", false)]
    [InlineData("The API is coming back", "mitigation", true)]
    [InlineData("Updated", "communication", true)]
    public void Answers_that_come_back_with_failures_are_no_recovery_and_Updated_is_a_status_label(string text, string kind, bool expected) =>
        Forms_of_public_write_ups_give_their_kind(text, kind, expected);

    [Fact]
    public void A_recovery_told_partly_before_one_told_whole_is_the_mitigation()
    {
        var pm = AnalysisTests.FromNotes("09:11 The list server is down.\n17:33 Bulk of the move is done, mail is flowing through the relay again.\n20:00 Last of the fallout is cleared up, the list service is fully operational.");
        Assert.Equal("20:00", pm.Keys.Resolution!.Time.ToString("HH:mm", null));
        Assert.Equal("17:33", pm.Keys.Mitigation!.Time.ToString("HH:mm", null));
    }

    [Fact]
    public void A_recovery_in_an_update_the_page_still_labels_open_is_a_mitigation_when_resolved_comes_later()
    {
        var pm = AnalysisTests.FromNotes("02:35 Investigating - The console is down right now.\n03:40 Investigating - Access to the console is back. The API is still being looked at.\n04:10 Investigating - We are still restoring the API.\n15:42 Resolved - This incident is resolved.");
        Assert.Equal("15:42", pm.Keys.Resolution!.Time.ToString("HH:mm", null));
        Assert.Equal("03:40", pm.Keys.Mitigation!.Time.ToString("HH:mm", null));
    }

    [Fact]
    public void An_incident_duration_header_is_not_the_impact_window_when_a_worded_span_starts_with_it()
    {
        var pm = AnalysisTests.FromNotes("Incident Duration: 10:00–10:40 UTC\nBetween 10:00 and 10:20 UTC users saw failed card payments.\n10:04 Problems loading the payment page were reported by the shop team.\n10:07 Customers reported declined cards.\n10:20 Rollback complete, payments working normally.\n10:40 Incident marked as resolved.");
        Assert.Equal("10:20", pm.Keys.Resolution!.Time.ToString("HH:mm", null));
        Assert.Equal("10:04", pm.Keys.Detection!.Time.ToString("HH:mm", null));
    }

    [Fact]
    public void A_symptom_that_stops_and_comes_back_is_mitigated_first_and_resolved_when_gone_again()
    {
        var pm = AnalysisTests.FromNotes("[10:02] Ines: alerts firing, 500s on every order call\n[10:14] Ola: reverting the pricing change by hand\n[10:30] Ines: 500s have stopped\n[10:44] Ines: errors are back!\n[10:48] Ola: pipeline deployed the fixed build, 500s gone again");
        Assert.Equal("10:30", pm.Keys.Mitigation!.Time.ToString("HH:mm", null));
        Assert.Equal("10:48", pm.Keys.Resolution!.Time.ToString("HH:mm", null));
    }

    [Fact]
    public void A_long_outage_keeps_going_through_a_quiet_stretch_to_its_recovery()
    {
        var pm = AnalysisTests.FromNotes("2024-05-03 09:00 UTC the sync service went offline\n2024-05-03 12:00 UTC token regenerated, sync still failing\n2024-05-03 20:00 UTC still down, left to retry overnight\n2024-05-06 08:30 UTC root cause found in the certificate store\n2024-05-06 09:10 UTC the service recovered once the new certificate was in place");
        Assert.Equal("2024-05-06T09:10", pm.Keys.Resolution!.Time.ToString("uuuu-MM-dd'T'HH:mm", null));
    }

    [Fact]
    public void A_check_all_green_before_a_change_is_not_a_recovery()
    {
        var pm = AnalysisTests.FromNotes("23:50 Change window opens, pre-checks all green\n00:30 Upgrade started\n08:10 Customers report failed calls\n08:20 Backing the upgrade out\n08:31 Upgrade backed out, test calls fine");
        Assert.Equal("08:31", pm.Keys.Mitigation!.Time.ToString("HH:mm", null));
    }

    [Fact]
    public void Someone_realising_in_the_present_tense_is_the_team_noticing()
    {
        var pm = AnalysisTests.FromNotes("09:00 The nightly import begins\n13:30 The duty manager realises the import is failing for every branch\n15:00 Import re-run, all branches working normally");
        Assert.Equal("13:30", pm.Keys.Detection!.Time.ToString("HH:mm", null));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_clause_gives_evidence_only_when_it_says_the_thing_happened(string text, string? status, string kind, bool expected)
    {
        var evidence = KindLexicon.Default.Read(text, status);
        Assert.Equal(expected, evidence.Any(e => e.Kind.ToName() == kind));
    }

    [Fact]
    public void The_first_responder_arriving_is_not_an_escalation_but_someone_joining_later_is()
    {
        var pm = AnalysisTests.FromNotes("[10:02 AM] Jonas: joining the bridge, payroll export failed per the alert\n[10:05 AM] Aylin: customers say downloads are empty\n[10:09 AM] Ravi: joined, looking at the bucket policy\n[10:20 AM] Ravi: reverted, exports work again");
        Assert.Equal("10:09", pm.Keys.Escalation!.Time.ToString("HH:mm", null));
    }

    [Fact]
    public void Joining_happens_when_the_message_is_sent_not_at_a_time_it_mentions()
    {
        var pm = AnalysisTests.FromNotes("[11:41 PM] Priya: checkout latency alert, looking\n[11:50 PM] Daniel: I'm here. the 11:30 deploy bumped the pool size, could be that\n[11:58 PM] Priya: rolled back, latency back to normal");
        Assert.Equal("23:50", pm.Keys.Escalation!.Time.ToString("HH:mm", null));
    }

    [Fact]
    public void Services_starting_to_come_back_is_the_mitigation_not_an_action_under_way()
    {
        var pm = AnalysisTests.FromNotes("09:47 Global disruption starts\n09:48 Monitoring flags the disruption\n10:36 Affected services start coming back\n11:00 Most services have recovered\n12:35 Incident mitigated across the network");
        Assert.Equal("10:36", pm.Keys.Mitigation!.Time.ToString("HH:mm", null));
        Assert.Equal("12:35", pm.Keys.Resolution!.Time.ToString("HH:mm", null));
    }

    [Fact]
    public void A_moment_that_reports_recovery_is_not_where_impact_started()
    {
        var pm = AnalysisTests.FromNotes("19:43 The affected databases are back online and the graphs are starting to recover\n19:45 Users and latency are recovering strongly\n20:00 Traffic and latency are fully restored");
        Assert.Null(pm.Keys.ImpactStart);
    }

    [Fact]
    public void A_recovery_seen_right_after_an_action_under_way_is_that_action_done()
    {
        var pm = AnalysisTests.FromNotes("[23:51] <tobi> icinga: CRITICAL dns1 resolver not answering\n[23:58] <mkr> pulling dns1 out of the resolver list for now\n[23:59] <tobi> ok\n[00:01] <mkr> dns1 removed, page loads back to normal for me\n[00:09] <tobi> named restarted");
        Assert.Equal("00:01", pm.Keys.Mitigation!.Time.ToString("HH:mm", null));
    }

    [Fact]
    public void A_public_update_saying_we_are_looking_into_it_is_detection_and_may_see_is_not()
    {
        var pm = AnalysisTests.FromNotes("18:09 We are looking into problems with some of our services. Please bear with us.\n18:57 Everything is back online as usual.");
        Assert.Equal("18:09", pm.Keys.Detection!.Time.ToString("HH:mm", null));
        var warned = AnalysisTests.FromNotes("07:31 Update - We are still working on the intermittent rejection of requests. Customers may see 503 responses from time to time.\n09:00 Resolved - This incident has been resolved.");
        Assert.Null(warned.Keys.Detection);
    }

    [Fact]
    public void A_written_window_that_starts_days_before_the_response_is_one_incident_and_ends_at_its_end()
    {
        // The form of PagerDuty's January 2023 Response Plays postmortem: impact began on a Friday, nobody noticed until Monday.
        var pm = AnalysisTests.FromNotes(
            "We had an incident that started as early as Friday, November 24th, 17:18 UTC and ended on Monday, November 27th, 19:46 UTC, in which customers lost access to saved reports.\n" +
            "We opened a major incident call on November 27th at 18:33 UTC.\nUS accounts got access back at 18:38 UTC.\nFull remediation was reached by 19:46 UTC.");
        Assert.Equal("2023-11-24T17:18", pm.Keys.ImpactStart!.Time.ToString("yyyy-MM-ddTHH:mm", null));
        Assert.Equal("2023-11-27T19:46", pm.Keys.Resolution!.Time.ToString("yyyy-MM-ddTHH:mm", null));
    }

    [Fact]
    public void A_scribe_note_that_a_stretch_has_no_entries_is_not_a_window_of_impact()
    {
        var pm = AnalysisTests.FromNotes("09:17 — The alert fired on the 503 rate.\n10:19 — The certificate was renewed; some traffic came back.\n[No entries 10:22 – 11:34]\n11:34 — The remaining errors were traced to stale CDN caches.\n11:52 — The error rate is back at baseline.");
        Assert.Equal("11:52", pm.Keys.Resolution!.Time.ToString("HH:mm", null));
    }

    [Fact]
    public void Resolution_is_when_impact_ended_not_the_last_mention()
    {
        var pm = AnalysisTests.FromNotes("10:00 Alert fired on 5xx errors\n10:20 Rolled back\n10:30 Error rate back to normal\n11:00 Incident closed and status page set to resolved");
        Assert.Equal("10:30", pm.Keys.Resolution!.Time.ToString("HH:mm", null));
        Assert.NotEmpty(pm.Keys.Resolution.Candidates);
    }

    [Fact]
    public void A_region_that_recovers_is_not_the_end_of_impact_while_other_regions_recover_later()
    {
        var pm = AnalysisTests.FromNotes("22:08 On-call paged for failing proxy probes\n22:44 Instances rebuilt, partial recovery\n23:17 US West fully recovered.\n23:32 Singapore fully recovered.\n23:34 Europe and US East fully recovered.\n23:40 Incident declared resolved.");
        Assert.Equal("23:34", pm.Keys.Resolution!.Time.ToString("HH:mm", null));
    }

    [Fact]
    public void Impact_start_is_never_after_an_alert_that_measured_impact()
    {
        var pm = AnalysisTests.FromNotes("10:00 Alert fired: checkout 5xx above 5%\n10:10 Customers report failed payments\n10:40 Rolled back\n10:50 Recovered");
        Assert.Equal(pm.Keys.Detection!.Time, pm.Keys.ImpactStart!.Time);
    }

    [Fact]
    public void A_status_page_monitoring_update_is_a_mitigation_that_happened_not_one_under_way()
    {
        var pm = AnalysisTests.FromNotes("09:00 Alert fired on 503 errors\n09:05 Monitoring - Engineers have put a fix in place and rejected requests are dropping.\n09:49 Update - We believe all customer impact is now mitigated.\n10:58 Resolved - We have confirmed customer impact is over.");
        Assert.Equal("09:05", pm.Keys.Mitigation!.Time.ToString("HH:mm", null));
        Assert.Equal("09:49", pm.Keys.Resolution!.Time.ToString("HH:mm", null));
    }

    [Fact]
    public void A_row_marked_incident_start_is_impact_even_when_it_declares_the_incident()
    {
        var pm = AnalysisTests.FromNotes("| Time (UTC) | Description |\n|---|---|\n| 17:52 | INCIDENT START. The team sees device registrations fail, starts investigating and declares an incident. |\n| 18:06 | Incident priority raised to P1. |\n| 20:23 | Service recovered. |");
        Assert.Equal("17:52", pm.Keys.ImpactStart!.Time.ToString("HH:mm", null));
        Assert.Equal("17:52", pm.Keys.Detection!.Time.ToString("HH:mm", null));
    }

    [Fact]
    public void A_status_update_that_reports_impact_again_renews_it()
    {
        var pm = AnalysisTests.FromNotes("09:00 Alert fired on SMTP connection errors\n10:00 Load balancers failed over\n11:00 Marking all services fully operational\n17:07 Update: a very small group of users still has connectivity problems; please contact us\n18:13 The last connectivity problems are resolved");
        Assert.Equal("18:13", pm.Keys.Resolution!.Time.ToString("HH:mm", null));
    }

    [Fact]
    public void A_moment_a_chat_message_recalls_is_impact_but_not_when_it_was_noticed()
    {
        var pm = AnalysisTests.FromNotes("[11:48 PM] Dana Kim: exports failing for EU tenants since about 11:40, jobs stuck in queued\n[11:51 PM] Lee Park: paging storage on-call\n[11:59 PM] Lee Park: revert deployed\n[11:59 PM] Lee Park: error rate back to normal");
        Assert.Equal("23:40", pm.Keys.ImpactStart!.Time.ToString("HH:mm", null));
        Assert.Equal("23:48", pm.Keys.Detection!.Time.ToString("HH:mm", null));
    }

    [Fact]
    public void A_change_weeks_before_is_background_not_a_key_moment()
    {
        var pm = AnalysisTests.FromNotes("2024-02-01 10:00 UTC rolled back an old config\n2024-03-01 10:00 UTC alert fired on errors\n2024-03-01 10:30 UTC failed over to the replica\n2024-03-01 10:45 UTC recovered");
        Assert.Equal("2024-03-01T10:30", pm.Keys.Mitigation!.Time.ToString("uuuu-MM-dd'T'HH:mm", null));
    }

    [Fact]
    public void A_mitigation_initiated_counts_only_when_nothing_completed_follows()
    {
        var pm = AnalysisTests.FromNotes("14:27 Error rates rose and set off our alarms\n14:38 A rollback was initiated in every data center\n14:54 The rollback was complete and the system had fully recovered");
        Assert.Equal("14:54", pm.Keys.Mitigation!.Time.ToString("HH:mm", null));
    }

    [Fact]
    public void A_recovery_inside_the_written_impact_window_is_a_mitigation_and_the_window_end_the_resolution()
    {
        var pm = AnalysisTests.FromNotes("Between 21:40 and 23:50 UTC customers saw errors with many services.\n22:55 The storage event itself was resolved.");
        Assert.Equal("23:50", pm.Keys.Resolution!.Time.ToString("HH:mm", null));
        Assert.Equal("22:55", pm.Keys.Mitigation!.Time.ToString("HH:mm", null));
    }

    [Fact]
    public void A_written_impact_window_that_ends_before_the_first_recovery_report_is_when_impact_ended()
    {
        var pm = AnalysisTests.FromNotes("Requests failed from 18:51 to 19:01 UTC.\n19:18 Everything is back up and running.");
        Assert.Equal("19:01", pm.Keys.Resolution!.Time.ToString("HH:mm", null));
    }

    [Fact]
    public void A_recovery_before_a_region_recovers_is_not_the_end_of_impact()
    {
        var pm = AnalysisTests.FromNotes("15:40 Error rates climbed and alarms went off\n21:20 Internal communication was restored\n22:10 The EU location was back to normal\n23:58 The US location was back to normal");
        Assert.Equal("23:58", pm.Keys.Resolution!.Time.ToString("HH:mm", null));
    }

    [Fact]
    public void Alerts_that_confirm_a_recovery_are_not_its_detection()
    {
        var pm = AnalysisTests.FromNotes("18:46 Customer impact began\n20:36 Logs and alerts confirmed everything had recovered");
        Assert.NotEqual("20:36", pm.Keys.Detection?.Time.ToString("HH:mm", null));
    }

    [Fact]
    public void A_summary_span_of_the_incident_decides_the_resolution_over_a_recovery_inside_it()
    {
        var pm = AnalysisTests.FromNotes("Between 08:30 and 19:17 UTC we had a large-scale incident.\n08:38 SRE was paged for many alerts\n18:15 Event intake was back to normal");
        Assert.Equal("19:17", pm.Keys.Resolution!.Time.ToString("HH:mm", null));
        Assert.Equal("18:15", pm.Keys.Mitigation!.Time.ToString("HH:mm", null));
    }

    [Fact]
    public void Impact_that_returns_after_the_written_window_and_recovers_again_ends_at_that_recovery()
    {
        var pm = AnalysisTests.FromNotes("Requests failed from 18:51 to 19:01 UTC.\n19:18 Everything is back up.\n20:00 EU users see timeouts again\n20:30 Errors stopped");
        Assert.Equal("20:30", pm.Keys.Resolution!.Time.ToString("HH:mm", null));
    }

    [Fact]
    public void An_approximate_window_ends_at_a_recovery_stamped_near_its_end()
    {
        var pm = AnalysisTests.FromNotes("For about 2 hours, between 16:00 and 18:00 UTC, performance was degraded.\n17:58 Monitoring - All queued work has been processed and performance is no longer degraded.");
        Assert.Equal("17:58", pm.Keys.Resolution!.Time.ToString("HH:mm", null));
        var exact = AnalysisTests.FromNotes("Between 16:00 and 18:00 UTC, performance was degraded.\n17:58 Monitoring - All queued work has been processed and performance is no longer degraded.");
        Assert.Equal("18:00", exact.Keys.Resolution!.Time.ToString("HH:mm", null));
    }

    [Fact]
    public void Paging_another_team_is_escalation_and_the_first_responder_getting_paged_is_not()
    {
        var pm = AnalysisTests.FromNotes("[04:12 AM] Neha: opened this bridge, got paged for health checks failing\n[04:40 AM] Neha: paging the core network on-call, we need them\n[04:52 AM] Raj: joined, reading back");
        Assert.Equal("04:40", pm.Keys.Escalation!.Time.ToString("HH:mm", null));
        var first = AnalysisTests.FromNotes("[10:12 AM] Ana: paging the payments on-call\n[10:30 AM] Ana: rolled back, latency back to normal");
        Assert.Null(first.Keys.Escalation);
    }

    [Fact]
    public void A_status_history_in_the_page_voice_is_communication_and_its_first_update_of_impact_detection()
    {
        // Lines led by their times, in the present, as "we", speaking of customers: a status page's updates copied without labels.
        var pm = AnalysisTests.FromNotes("19:00 Two storage nodes are unstable and some customers cannot upload files.\n\n19:30 We have moved the affected customers to healthy nodes.\n\n20:10 Every node is healthy again and we are closing this incident.");
        Assert.Equal("19:00", pm.Keys.Communication!.Time.ToString("HH:mm", null));
        Assert.Equal("19:00", pm.Keys.Detection!.Time.ToString("HH:mm", null));

        // The same moments told afterwards, in the past, as a postmortem's timeline: no communication is recorded.
        var told = AnalysisTests.FromNotes("19:00 Two storage nodes became unstable and some customers could not upload files.\n\n19:30 We moved the affected customers to healthy nodes.\n\n20:10 We confirmed every node was healthy again.");
        Assert.Null(told.Keys.Communication);
    }

    [Fact]
    public void A_status_word_with_its_stamp_heads_an_update_and_an_identified_update_is_detection()
    {
        var pm = AnalysisTests.FromNotes("Identified [2023-11-24 09:47]\n\nThe link to the north site is down. We are waiting for the carrier's engineers.\n\nResolved [2023-11-24 13:05]\n\nThe link is back and the issue is resolved.");
        Assert.Equal("09:47", pm.Keys.Detection!.Time.ToString("HH:mm", null));
        Assert.Equal("09:47", pm.Keys.Communication!.Time.ToString("HH:mm", null));
        Assert.Equal("Identified - The link to the north site is down", pm.Timeline[0].Text);
        Assert.Null(pm.Timeline[0].Actor);
    }

    [Fact]
    public void A_status_history_with_its_stamps_below_the_updates_is_read_by_its_voice_too()
    {
        var pm = AnalysisTests.FromNotes("Search is fully back. Sorry for the trouble.\n\n5:40 PM UTC\n\nUsers are seeing failed searches. We are working on it and will update soon.\n\n5:02 PM UTC\n\nSearch is slow for some users. We have moved part of the load to the standby cluster.\n\n4:53 PM UTC");
        Assert.Equal("16:53", pm.Keys.Communication!.Time.ToString("HH:mm", null));
        Assert.Equal("16:53", pm.Keys.Detection!.Time.ToString("HH:mm", null));
    }

    [Fact]
    public void A_recovery_after_which_impact_is_reported_again_stopped_the_bleeding()
    {
        var pm = AnalysisTests.FromNotes("00:56 Requests start timing out\n01:04 The queue congestion clears\n01:05 Some clients hit rate limits as their failed requests are retried\n01:09 The engineer confirms service has resumed");
        Assert.Equal("01:04", pm.Keys.Mitigation!.Time.ToString("HH:mm", null));
        Assert.Equal("01:09", pm.Keys.Resolution!.Time.ToString("HH:mm", null));
    }

    [Fact]
    public void A_recovery_whose_update_leaves_the_rest_to_do_stops_the_bleeding_and_the_rest_back_ends_it()
    {
        var pm = AnalysisTests.FromNotes("21:00 Cooling failed and the storage racks went down.\n\n23:30 Cooling is fully back. The remaining racks will be powered on shortly.\n\n23:55 All equipment is running and the remaining customers are back online.");
        Assert.Equal("23:30", pm.Keys.Mitigation!.Time.ToString("HH:mm", null));
        Assert.Equal("23:55", pm.Keys.Resolution!.Time.ToString("HH:mm", null));
    }

    [Fact]
    public void A_status_page_investigating_update_is_detection_and_a_working_again_update_the_resolution()
    {
        var pm = AnalysisTests.FromNotes("05:40 Investigating - We are looking into a problem with the Purging API.\n07:38 Monitoring - A fix is in place and the Purging API works as expected again.\n08:07 Resolved - This incident has been resolved.");
        Assert.Equal("05:40", pm.Keys.Detection!.Time.ToString("HH:mm", null));
        Assert.Equal("05:40", pm.Keys.ImpactStart!.Time.ToString("HH:mm", null));
        Assert.Equal("07:38", pm.Keys.Resolution!.Time.ToString("HH:mm", null));
    }

    [Fact]
    public void When_the_writer_says_users_first_felt_it_that_is_impact_start_not_an_earlier_fault_inside()
    {
        // An internal fault before users were hurt (a bad config generated, a database failing all day) is the cause, not the impact.
        var pm = AnalysisTests.FromNotes("09:40 A job that builds routing tables hit a bug and wrote a broken table.\n09:47 Users began seeing timeouts, and our probes alerted at the same moment.\n10:05 A corrected table went out and timeouts fell away.\n10:20 All regions were back to normal.");
        Assert.Equal("09:47", pm.Keys.ImpactStart!.Time.ToString("HH:mm", null));
        var felt = AnalysisTests.FromNotes("02:10 The metadata database began failing after a schema migration.\n08:30 The team worked on it all morning, and customers first felt it.\n09:15 We rolled back the migration.\n09:40 Everything was back to normal.");
        Assert.Equal("08:30", felt.Keys.ImpactStart!.Time.ToString("HH:mm", null));

        // A written window of user impact earlier still stands.
        var window = AnalysisTests.FromNotes("Between 09:40 and 10:20 UTC customers saw failed checkouts.\n09:47 Users began seeing timeouts on the API too.\n10:20 Back to normal.");
        Assert.Equal("09:40", window.Keys.ImpactStart!.Time.ToString("HH:mm", null));
    }

    [Fact]
    public void A_failover_the_failing_system_made_by_itself_is_neither_the_mitigation_nor_yet_user_impact()
    {
        var pm = AnalysisTests.FromNotes("14:02 The rack lost mains power and the whole row failed over to the UPS.\n14:20 The UPS ran flat and every server in the row went down.\n14:55 Technicians restarted the generator.\n15:30 All servers were back online.");
        Assert.Equal("14:20", pm.Keys.ImpactStart!.Time.ToString("HH:mm", null));
        Assert.Equal("14:55", pm.Keys.Mitigation!.Time.ToString("HH:mm", null));
    }

    [Fact]
    public void An_action_begun_is_the_mitigation_when_the_same_action_is_told_finished_later()
    {
        var pm = AnalysisTests.FromNotes("07:10 Logins failing for EU users\n07:25 Engineers started rerouting traffic away from the EU cluster\n07:50 Still waiting on the DNS caches\n08:40 Rerouting finished for every EU tenant\n09:05 Logins back to normal");
        Assert.Equal("08:40", pm.Keys.Mitigation!.Time.ToString("HH:mm", null));
        Assert.Equal("09:05", pm.Keys.Resolution!.Time.ToString("HH:mm", null));
    }

    [Fact]
    public void The_end_told_as_our_own_action_is_the_mitigation_too_when_nothing_stopped_the_bleeding_before_it()
    {
        // "Fix deployed, service recovered": the action and the end of impact are the same moment.
        var deployed = AnalysisTests.FromNotes("01:10 Checkout pages failing for every user\n01:25 On-call paged\n02:04 The fix was built and deployed, and the service recovered");
        Assert.Equal("02:04", deployed.Keys.Resolution!.Time.ToString("HH:mm", null));
        Assert.Equal("02:04", deployed.Keys.Mitigation!.Time.ToString("HH:mm", null));

        var ours = AnalysisTests.FromNotes("18:02 Emails stopped going out for all customers\n18:05 Alert fired on the send queue\n18:25 We resolved the issue and sending is back to normal");
        Assert.Equal("18:25", ours.Keys.Mitigation!.Time.ToString("HH:mm", null));

        // A recovery nobody here made leaves mitigation unknown.
        var provider = AnalysisTests.FromNotes("18:02 Emails stopped going out for all customers\n18:05 Alert fired on the send queue\n18:25 The provider's outage ended and sending is back to normal");
        Assert.Equal("18:25", provider.Keys.Resolution!.Time.ToString("HH:mm", null));
        Assert.Null(provider.Keys.Mitigation);
    }

    [Fact]
    public void A_later_recovery_of_what_remained_says_the_earlier_one_was_partial()
    {
        var pm = AnalysisTests.FromNotes("14:10 Search failing for all users\n14:20 Paged the on-call\n15:00 The search cluster is fully healthy again\n16:30 The remaining indexing errors were cleared");
        Assert.Equal("16:30", pm.Keys.Resolution!.Time.ToString("HH:mm", null));
        Assert.Equal("15:00", pm.Keys.Mitigation!.Time.ToString("HH:mm", null));

        var last = AnalysisTests.FromNotes("14:10 Bookings failing for all clients\n14:20 Paged the on-call\n15:00 Bookings restored\n19:15 Last 5% of clients recovered");
        Assert.Equal("19:15", last.Keys.Resolution!.Time.ToString("HH:mm", null));
    }

    [Fact]
    public void A_recovery_that_says_something_is_still_blocked_did_not_end_the_impact()
    {
        var pm = AnalysisTests.FromNotes("05:10 Order updates failing for all clients\n05:12 Alert on the order stream\n06:08 Streams are stable, exits allowed again, new orders still blocked\n06:39 All order restrictions lifted, service restored");
        Assert.Equal("06:39", pm.Keys.Resolution!.Time.ToString("HH:mm", null));
        Assert.Equal("06:08", pm.Keys.Mitigation!.Time.ToString("HH:mm", null));
    }

    [Fact]
    public void Impact_starts_no_later_than_a_problem_the_team_noticed_but_may_follow_an_alarm_on_a_cause()
    {
        var noticed = AnalysisTests.FromNotes("16:14 Investigating - We are looking into this problem.\n17:40 Resolved - The fix is in place.\n18:30 Postmortem - Users sending metrics over UDP lost some of them.");
        Assert.Equal("16:14", noticed.Keys.Detection!.Time.ToString("HH:mm", null));
        Assert.Equal("16:14", noticed.Keys.ImpactStart!.Time.ToString("HH:mm", null));

        var alarm = AnalysisTests.FromNotes("01:52 Inlet temperature alarm on rack 3, over 40C and climbing\n01:55 Servers on rack 3 went down, customer sites unreachable\n03:10 All sites back up");
        Assert.Equal("01:52", alarm.Keys.Detection!.Time.ToString("HH:mm", null));
        Assert.Equal("01:55", alarm.Keys.ImpactStart!.Time.ToString("HH:mm", null));
    }

    [Fact]
    public void With_no_recovery_told_the_last_action_that_restored_service_is_where_the_impact_ended()
    {
        var pm = AnalysisTests.FromNotes("14:05 Our hosting provider lost a switch and the site went down\n14:10 Paged the on-call\n15:20 The provider replaced the switch and brought the network back");
        Assert.Equal("15:20", pm.Keys.Resolution!.Time.ToString("HH:mm", null));
        Assert.Equal(75, pm.DurationMinutes);

        // Impact reported after it: the action did not end it, and the end stays unknown.
        var again = AnalysisTests.FromNotes("14:05 Our hosting provider lost a switch and the site went down\n14:10 Paged the on-call\n15:20 The provider replaced the switch and brought the network back\n15:40 Customers still report timeouts");
        Assert.Null(again.Keys.Resolution);
    }

    [Fact]
    public void A_call_told_in_the_sentences_after_a_timed_one_is_the_escalation_unless_an_event_says_one_itself()
    {
        var pm = AnalysisTests.FromNotes("02:10 We have lost the link to the east site. Customers there are affected. We have raised it with the carrier as a P1 case.\n03:40 The carrier has restored the link.");
        Assert.Equal("02:10", pm.Keys.Escalation!.Time.ToString("HH:mm", null));

        // A summary's later sentences retell the night: the call an event states itself decides.
        var summary = AnalysisTests.FromNotes("At 09:30 UTC our storage lost its network. We raised it with our provider, who restored the links.\n\n09:52 Opened a case with the provider's support\n11:05 Links restored");
        Assert.Equal("09:52", summary.Keys.Escalation!.Time.ToString("HH:mm", null));
    }
}
