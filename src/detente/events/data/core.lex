# detente trigger lexicon: CODE  TRIGGER  [+CONSTRAINT ...]  [OPTION ...]   (format: detente/events/lexicon.py)
# Written for detente. Verbs are spaCy lemmas; `n:` marks nominal triggers.

# ---- 01 MAKE PUBLIC STATEMENT
010  say|state|tell|add|note|remark|write|report|announce|declare|comment|claim|allege|assert|argue|insist|maintain|contend|reiterate|stress|emphasize|emphasise|explain|reply|respond|confirm|disclose|reveal|indicate|suggest|signal|affirm|tweet|post|recall|quote  say  target=iobj,to  conf=0.45
010  release|issue|publish|post|circulate +obj:statement|report|video|footage|document|data|figure|list|communique|communiqué|recording|photo|image  target=none  conf=0.4
010  n:statement|remark|comment  conf=0.35 target=none
011  decline +xcomp:comment  target=none conf=0.6
011  refuse +xcomp:comment  target=none conf=0.6
012  lament|fear|worry|warn  +prep:of|about  target=none  conf=0.5
012  lament|fear|worry  target=of,about  conf=0.5
012  express|voice|raise|share|reiterate +obj:concern|worry|pessimism|fear|alarm|apprehension|doubt|skepticism|scepticism  target=to,with  conf=0.6
013  hope|predict|expect  say target=none conf=0.45
013  express +obj:hope|optimism|confidence  target=none conf=0.55
014  consider|weigh|study|review|mull|contemplate  target=none conf=0.45
014  explore|examine|assess|evaluate|study +obj:possibility|option|idea|feasibility|proposal|prospect  target=none conf=0.55
015  admit|acknowledge|concede  +obj:responsibility|mistake|error|role  target=none conf=0.6
015  claim  +obj:responsibility|credit  target=for  conf=0.7
016  deny|reject|dismiss|refute|rebuff|deflect|brush +obj:accusation|allegation|claim|charge|report|suggestion|speculation|rumour|rumor|criticism|blame  target=none  conf=0.75
016  deny|refute  conf=0.6
016  n:denial  conf=0.45
017  n:vigil|funeral|memorial|commemoration  conf=0.4
017  commemorate|mourn|honour|honor  conf=0.5
017  lay +obj:wreath  target=at conf=0.6
017  attend|mark|hold +obj:ceremony|funeral|commemoration|memorial|vigil|celebration|parade|anniversary|remembrance  target=none conf=0.6
018  express +obj:condolence|sympathy|solidarity|sorrow|grief  target=to,with  conf=0.65
018  offer +obj:condolence|sympathy  target=to  conf=0.65
018  send|convey|extend|pass +obj:condolence|sympathy|sympathies  target=to  conf=0.65
018  sympathize|sympathise|console  conf=0.6
019  concur  target=with  conf=0.55

# ---- 02 APPEAL
# requests whose content is an infinitive ("urged Iran to release ..."): tried before the plain verbs
021  urge|ask|press|call|appeal|encourage|push +xcomp:cooperate|collaborate|work|coordinate  target=dobj,on,to  conf=0.75
0241 urge|ask|press|call|appeal|push +xcomp:resign|step|quit  target=dobj,on,to  conf=0.8
0242 urge|ask|press|call|appeal|push +xcomp:change|reconsider|reverse|drop|abandon|scrap|revise  target=dobj,on,to  conf=0.75
025  urge|ask|press|call|appeal|push +xcomp:release|free|lift|ease|withdraw|stop|halt|end|cease|pull|allow|refrain|exercise|show  target=dobj,on,to  conf=0.75
026  urge|ask|press|call|appeal|push|invite +xcomp:meet|talk|negotiate|resume|return|join  target=dobj,on,to  conf=0.75
027  urge|ask|press|call|appeal|push +xcomp:settle|resolve  target=dobj,on,to  conf=0.75
0211 push|press|lobby +prep:for:trade|investment|access  conf=0.7
026  push|press|lobby +prep:for:talk|negotiation|dialogue|meeting  conf=0.7
027  push|press|lobby +prep:for:settlement|solution|resolution|deal  conf=0.7
020  push|press|lobby +prep:for  target=dobj,on  conf=0.65
020  appeal|urge|ask|request|implore|beseech|plead|invite|encourage|propose|exhort  target=dobj,to  conf=0.7
020  suggest|press  target=dobj,to  conf=0.5
020  call +prep:on  target=on  conf=0.75
020  call +prep:for  target=on  conf=0.7
020  n:appeal|plea|request|call  target=to,on  conf=0.55
0211 call +prep:for:trade|investment|cooperation  conf=0.75
0211 urge|ask|press|call +xcomp:trade|invest  target=dobj,on,to  conf=0.75
0212 urge|ask|press|call +xcomp:train|deploy|patrol  target=dobj,on,to  conf=0.75
022  call +prep:for:support|backing|solidarity|unity|dialogue  target=on  conf=0.75
022  seek +obj:support|backing  target=from  conf=0.7
0231 appeal|ask|call|press +prep:for:loan|bailout|credit|funding|financing|investment|debt  target=to,dobj,on  conf=0.8
0232 appeal|ask|call|press|plead +prep:for:weapon|arm|ammunition|munition|jet|tank|missile|artillery|shell|defence|defense  target=to,dobj,on  conf=0.8
0233 appeal|ask|call|plead +prep:for:food|medicine|shelter|water|vaccine  target=to,dobj,on  conf=0.8
0234 appeal|ask|call +prep:for:peacekeeper|troop|protection  target=to,dobj,on  conf=0.8
023  appeal|ask|call|plead +prep:for:aid|assistance|help|relief|donation  target=to,dobj,on  conf=0.8
023  seek +obj:aid|assistance|help|loan|funding  target=from  conf=0.75
023  request +obj:aid|assistance|help|loan  target=from  conf=0.8
0231 seek +obj:loan|bailout|debt  target=from  conf=0.8
0232 request|seek +obj:weapon|arm|ammunition|munition|jet|tank|missile  target=from  conf=0.8
0234 request|seek +obj:peacekeeper|troop|protection  target=from  conf=0.75
024  call +prep:for:reform|change  conf=0.75
0241 call +prep:for:resignation|election  target=on  conf=0.8
0243 call +prep:for:right|freedom  conf=0.75
025  call +prep:for:release|withdrawal|ceasefire|end  target=on  conf=0.75
026  call +prep:for:talk|negotiation|dialogue|meeting  target=on  conf=0.75
028  request +obj:mediation  target=from  conf=0.8

# ---- 03 EXPRESS INTENT TO COOPERATE
030  agree|pledge|promise|vow|offer  target=with,to  sym  conf=0.7
030  n:pledge|commitment|promise  conf=0.55
030  agree +xcomp:resume|cooperate|work|strengthen|deepen|boost|facilitate|maintain|expand|enhance|improve|restore  sym target=with conf=0.75
031  agree +xcomp:trade|invest|build  sym target=with conf=0.75
0311 agree +xcomp:trade|invest  sym target=with conf=0.75
0312 pledge +prep:to:defend  conf=0.75
0312 agree +xcomp:train|exercise|patrol  sym target=with conf=0.75
032  pledge +obj:support|backing  target=to,for  conf=0.75
032  vow +xcomp:support|back  conf=0.75
033  pledge +obj:aid|assistance|fund|money|million|billion|dollar|loan  target=to,for  conf=0.8
033  promise +obj:aid|assistance|help|fund  target=to  conf=0.8
033  offer +obj:aid|assistance|help|fund|loan  target=to  conf=0.8
0331 pledge +obj:loan|investment|credit  target=to  conf=0.8
0332 pledge|promise|offer +obj:weapon|arm|missile|tank|ammunition|munition|jet|fighter|drone|artillery|warplane  target=to  conf=0.8
0333 offer +obj:shelter|food|medicine  target=to  conf=0.75
0334 offer +obj:peacekeeper|troop  target=to  conf=0.7
035  offer +xcomp:withdraw|release|lift|ease  conf=0.7
0353 agree|pledge|promise|vow|offer|commit +xcomp:release|free|return|hand|exchange|swap  target=with,to conf=0.75
0354 agree +xcomp:lift|ease|suspend  sym target=with conf=0.75
0356 agree|pledge|promise|vow|offer|commit +xcomp:withdraw|disengage|de-escalate|halt|stop|cease|lay|pull  target=with,to conf=0.75
036  agree +xcomp:meet|talk|negotiate|hold|discuss  sym target=with conf=0.8
036  offer +xcomp:meet|talk|negotiate  conf=0.75
036  agree|offer|propose +obj:talk|meeting|negotiation|summit|dialogue  target=with,to  conf=0.75
036  agree +prep:to:talk|meeting|negotiation|dialogue  sym target=with conf=0.8
037  agree +xcomp:settle|resolve|end  sym target=with conf=0.8
038  accept +obj:mediation  target=none conf=0.75
039  offer +xcomp:mediate  conf=0.8
039  offer +obj:mediation  target=to conf=0.8

# ---- 04 CONSULT
040  meet|consult|confer|discuss  sym target=dobj,with  conf=0.75
040  n:meeting|consultation|summit|encounter  sym target=with  conf=0.6
040  hold|have|attend|convene|host +obj:meeting|consultation|summit|discussion|conversation|conference  sym target=with  conf=0.75
040  n:discussion|consultation|conversation  sym target=with  conf=0.5
041  call|phone|telephone|ring  target=dobj  conf=0.6
041  n:call +mod:phone|telephone  sym target=with  conf=0.75
041  speak +prep:by:phone|telephone  sym target=with  conf=0.8
041  hold +obj:call  +mod:phone|telephone  sym target=with conf=0.8
042  visit|tour  target=dobj  conf=0.75
042  travel|fly|arrive  +prep:to  target=to conf=0.5
042  arrive|land  +prep:in  target=in  conf=0.55
042  n:visit|trip|tour  target=to  conf=0.6
043  host|receive  target=dobj  conf=0.75
045  mediate|broker  target=between,dobj  conf=0.8
045  n:mediation  target=between  conf=0.65
045  launch|begin|start|lead|undertake +obj:mediation|effort|initiative +mod:mediation|peace  target=between,in,dobj  conf=0.8
045  launch|begin|start|lead|undertake +obj:mediation  target=between,in  conf=0.8
046  negotiate|bargain  sym target=with  conf=0.8
046  n:negotiation|talk|dialogue  sym target=with  conf=0.65
046  hold +obj:talk|negotiation|dialogue  sym target=with  conf=0.8
046  engage +prep:in:talk|negotiation|dialogue  sym target=with  conf=0.8

# ---- 05 ENGAGE IN DIPLOMATIC COOPERATION
050  cooperate|collaborate|partner|ally  sym target=with  conf=0.7
050  n:cooperation|collaboration|partnership  sym target=with  conf=0.4
050  emphasize|emphasise|stress +obj:cooperation|partnership|friendship|ties  sym target=with conf=0.65
050  upgrade|strengthen|deepen|boost|improve|expand|enhance|bolster|cement|promote +obj:tie|relation|relationship|cooperation|partnership|friendship|dialogue  sym target=with  conf=0.7
051  praise|commend|hail|laud|applaud|endorse|welcome|congratulate|thank|salute  target=dobj  conf=0.75
051  n:praise  target=for  conf=0.55
052  defend|justify  target=dobj  conf=0.6
051  back|support|champion|endorse  target=dobj  conf=0.6
053  rally +obj:support  target=for  conf=0.7
054  recognize|recognise  target=dobj  conf=0.65
054  establish|restore|resume|normalize|normalise +obj:relation|tie  sym target=with conf=0.8
055  apologize|apologise  target=to,for  conf=0.8
055  n:apology  target=to  conf=0.65
056  forgive  conf=0.7
0841 pardon|amnesty  target=dobj  conf=0.7
057  sign|ink|conclude|finalize|finalise  +obj:agreement|deal|treaty|accord|pact|memorandum|mou|contract|declaration  sym target=with  conf=0.85
057  reach +obj:agreement|deal|accord|settlement  sym target=with  conf=0.85
057  strike|clinch|seal|secure|hammer|broker|approve|ratify +obj:agreement|deal|accord|pact|bargain|treaty  sym target=with  conf=0.85
057  n:agreement|deal|treaty|accord|pact  sym target=with  conf=0.5

# ---- 06 ENGAGE IN MATERIAL COOPERATION
060  n:exchange  sym target=with  conf=0.4
061  trade  sym target=with  conf=0.6
061  invest  target=in  conf=0.7
062  n:exercise|drill +mod:military|joint|naval  sym target=with  conf=0.65
062  hold +obj:exercise|drill|maneuver|manoeuvre  sym target=with  conf=0.75
062  hold|conduct|stage|stag|launch|begin|perform|start +obj:exercise|drill|maneuver|manoeuvre|game  sym target=with  conf=0.75
062  participate|take|join +prep:in:exercise|drill|maneuver|manoeuvre|game  target=with  conf=0.75
062  n:game|maneuver|manoeuvre +mod:war|military|joint|naval  sym target=with  conf=0.6
063  extradite  target=to  conf=0.7
064  share|exchange|provide|pass|hand +obj:intelligence|information|data|evidence|detail|record|document|finding|file  target=with,to  conf=0.75

# ---- 07 PROVIDE AID
070  aid|assist|help|support +obj:victim|refugee|people  conf=0.55
070  provide|give|send|deliver|supply|donate|grant|allocate|contribute|distribute|offer|extend|channel|dispatch|ship|airlift|fly|airdrop|hand|mobilize|mobilise|release|disburse  +obj:aid|assistance|help|support|relief|package  target=to,iobj,for  conf=0.8
070  donate|contribute  target=to,for  conf=0.65
070  n:donation|contribution  target=to,for  conf=0.45
070  n:aid|assistance  target=to,for  conf=0.5
071  provide|give|grant|extend|lend|approve|allocate|contribute|donate|disburse|transfer|spend|pledge|release|mobilize|mobilise|earmark  +obj:loan|credit|fund|funding|grant|money|million|billion|bailout|euro|dollar|pound|yen|yuan|rupee|guarantee|package|financing  target=to,iobj,for  conf=0.8
072  provide|give|send|deliver|supply|sell|transfer|ship|hand|donate  +obj:weapon|arm|missile|tank|jet|ammunition|rocket|drone|equipment|firearm|rifle|gun|helicopter|aircraft|warplane|vehicle|artillery|munition|howitzer|warship|hardware  target=to,iobj  conf=0.8
072  provide|supply|equip|arm  +prep:with:weapon|arm|missile|tank|jet|ammunition|rocket|drone|equipment|firearm|rifle|gun|helicopter|aircraft|vehicle|artillery|munition  target=dobj  conf=0.8
072  train +obj:soldier|troop|force|pilot|officer|army|police|personnel|recruit|unit  conf=0.7
072  arm  target=dobj  conf=0.65
073  provide|send|deliver|supply|airdrop|donate|distribute|ship|airlift|fly|truck|hand|give  +obj:food|medicine|vaccine|water|shelter|tent|supplies|supply|ventilator|blanket|clothing|grain|wheat|rice|fuel|medication|kit|ration  target=to,iobj,into  conf=0.8
073  provide|supply  +prep:with:food|medicine|vaccine|water|shelter|tent|supplies|supply  target=dobj  conf=0.8
073  deploy|send|dispatch|fly  +obj:team|rescuer|medic|doctor|nurse|worker|expert|specialist|hospital  +mod:rescue|medical|relief|search-and-rescue|humanitarian|aid|field  target=to,in  conf=0.75
073  carry +prt:out +obj:evacuation|rescue|airlift|airdrop|relief  target=none  conf=0.7
073  evacuate|airlift  target=dobj,from  conf=0.55
074  deploy|send|dispatch|contribute|commit  +obj:peacekeeper  target=to,in  conf=0.85
074  deploy|send|dispatch|contribute|commit  +obj:troop|force|soldier|unit|contingent|platoon|battalion|police  +mod:peacekeeping  target=to,in  conf=0.85
074  deploy|send|dispatch|contribute|commit  +prep:to:mission|operation|force  target=in  conf=0.75
074  participate|take|join|serve +prep:in:mission|operation|force  conf=0.6
074  n:mission|operation|force +mod:peacekeeping  target=in,to  conf=0.5
075  grant|offer|give +obj:asylum|refuge|sanctuary  target=to,iobj  conf=0.85
075  accept|admit|resettle|take|welcome|host|receive|shelter|absorb +obj:refugee|migrant|asylum-seeker|seeker|displaced  conf=0.75
075  open|reopen +obj:border|door +prep:to:refugee|migrant|seeker|people|civilian|displaced  conf=0.8

# ---- 08 YIELD
080  yield|concede|capitulate|surrender|relent|cave  target=to  conf=0.7
080  back +prt:down  target=on,over  conf=0.7
080  call +prt:off +obj:strike|protest|boycott|sit-in|blockade|walkout|demonstration|march|rally  conf=0.8
080  end|halt|suspend|stop|lift|abandon +obj:strike|protest|boycott|sit-in|walkout|demonstration  conf=0.75
0813 lift|ease|relax|end|shorten|remove +obj:curfew  target=in,on  conf=0.8
0813 lift|ease|relax|end|shorten +mod:curfew  target=in,on  conf=0.8
0814 lift|end|revoke|repeal|scrap|rescind +obj:law|decree|rule +mod:emergency|martial  conf=0.85
0814 lift|end|revoke|repeal|scrap|rescind +obj:state|emergency|martial  conf=0.8
081  lift|ease|relax|remove|scrap|loosen  +obj:restriction|ban|control|curb|limit|requirement|moratorium|lockdown|quarantine|rule  target=on  conf=0.75
081  open|reopen  +obj:border|crossing|airspace|checkpoint  target=to,for  conf=0.65
0811 lift +obj:censorship  conf=0.8
082  n:amnesty  target=for  conf=0.55
083  accept +obj:demand|reform  conf=0.65
080  meet|satisfy|fulfil|fulfill +obj:demand|condition  target=none  conf=0.55
0831 resign|quit|abdicate  target=none  conf=0.8
0831 step +prt:down  target=none  conf=0.8
0832 reverse|scrap|rescind|revoke  +obj:policy|decision|law|plan|decree  conf=0.7
0841 n:release|return|repatriation|handover|exchange|swap  +obj:prisoner|hostage|detainee|captive|citizen|national|journalist|activist|body  target=to  conf=0.55
0841 release|free|return|repatriate|hand|swap|exchange  +obj:prisoner|hostage|detainee|captive|soldier|national|citizen|journalist|activist|body|child  target=dobj,to,iobj  conf=0.85
0842 release|free|return|hand  +obj:ship|vessel|tanker|property|asset|antiquity|artifact|artefact|remains|aircraft|land|weapon|equipment  target=to,iobj  conf=0.8
0841 free  target=dobj  conf=0.7
0841 let +xcomp:go|free  target=dobj  conf=0.7
084  release|return|repatriate|hand  target=dobj,to,iobj  conf=0.6
0842 return +obj:property|asset|territory  target=to  conf=0.75
085  lift|ease|suspend|remove|waive|drop|cut|reduce|lower|slash|scrap|end|eliminate|relax|halve|exempt  +obj:sanction|tariff|embargo|duty|boycott|tax|levy  target=on,against,from  conf=0.85
085  roll +prt:back  +obj:sanction|tariff|embargo|duty|tax  target=on  conf=0.85
0862 allow|admit|accept|receive|welcome|invite +obj:inspector|observer|monitor|investigator  conf=0.75
0863 allow|grant|give|permit|open +obj:access|aid|relief|convoy|supplies|worker|agency  +mod:humanitarian|aid|relief|unimpeded|full  target=iobj,to  conf=0.8
0863 allow|grant|give|permit +obj:access  target=iobj,to  conf=0.75
0861 accept|allow|welcome|receive +obj:peacekeeper  conf=0.75
087  n:ceasefire|truce|armistice  sym target=with  conf=0.6
0356 agree +prep:to:ceasefire|truce|armistice  sym target=with conf=0.8
0871 declare|announce|observe|extend|renew|sign|call +obj:ceasefire|truce|armistice|cessation  target=with,in  conf=0.8
0356 agree|accept +obj:ceasefire|truce|armistice|cessation  sym target=with  conf=0.8
0871 n:cessation  target=with,in  conf=0.5
0874 withdraw|pull  +obj:troop|force|soldier|unit|army|tank  target=from  conf=0.8
0874 pull +prt:out  target=of,from  conf=0.75
0874 retreat  target=from  conf=0.75
0874 n:withdrawal|pullout|drawdown|pull-out  +obj:troop|force|soldier|unit|army  target=from  conf=0.7
0874 n:withdrawal|pullout|drawdown|pull-out|retreat  target=from  conf=0.5
0873 lay +prt:down +obj:arm|weapon  conf=0.8
0873 disband|demobilize|demobilise  conf=0.7
0872 lift|ease|end  +obj:blockade|siege  target=on,of  conf=0.8
0873 demobilize|demobilise|disarm  conf=0.7

# ---- 09 INVESTIGATE
090  investigate|probe|inquire  target=dobj,into  conf=0.7
090  n:investigation|probe|inquiry  target=into,of  conf=0.55
091  launch|open +obj:investigation|probe|inquiry  target=into  conf=0.8
091  investigate|probe +obj:allegation|corruption|bribery|fraud|crime|murder|killing|death|embezzlement|leak|theft|laundering  conf=0.8
091  investigate|probe +prep:over|for:corruption|bribery|fraud|allegation|embezzlement|murder|laundering  target=dobj  conf=0.8
092  investigate|probe +obj:abuse|violation|torture|disappearance|mistreatment  conf=0.8
093  investigate|probe +obj:strike|airstrike|attack|raid|shelling|bombing|shooting|incident|explosion|blast  conf=0.8
094  investigate +obj:crime|massacre|genocide  +mod:war  conf=0.8

# ---- 10 DEMAND
100  demand|insist  target=dobj,from,of  conf=0.75
100  n:demand|ultimatum  target=for,on  conf=0.55
101  demand +obj:cooperation  conf=0.8
103  demand +obj:reparation|compensation|aid|assistance|money|fund|payment  target=from,of  conf=0.8
104  demand +obj:reform|change  conf=0.8
1041 demand +obj:resignation|election|ouster  conf=0.85
1042 demand +obj:end|reversal  conf=0.75
1043 demand +obj:right|freedom  conf=0.8
1053 demand +obj:release|return|freedom  conf=0.85
1056 demand +obj:withdrawal|ceasefire|pullout|de-escalation|truce  conf=0.8
105  demand +obj:halt|stop|lifting  conf=0.8
106  demand +obj:talk|negotiation|meeting  conf=0.8

# ---- 11 DISAPPROVE
111  criticize|criticise|condemn|denounce|decry|slam|blast|deplore|rebuke|censure|lambast|castigate|chastise|berate|assail|attack +obj:decision|policy|move|plan|remark|statement|comment  target=dobj conf=0.7
111  criticize|criticise|condemn|denounce|decry|slam|blast|deplore|rebuke|censure|lambast|castigate|chastise|berate|assail|disparage|ridicule|mock|insult|reprimand|scold  target=dobj,for  conf=0.8
111  n:criticism|condemnation|denunciation  target=of,for  conf=0.55
110  oppose|disapprove|object|disagree|resent|dislike|question|doubt  target=dobj,to,with  conf=0.7
110  express +obj:concern|disappointment|dismay|displeasure|opposition|regret|outrage|anger  target=over,about,at,to  conf=0.7
110  voice +obj:concern|opposition|disappointment|displeasure|anger  target=over,about,at,to  conf=0.7
110  raise +obj:concern  target=over,about,with  conf=0.65
112  accuse|blame  target=dobj,for,of  conf=0.8
112  n:accusation|allegation|charge  target=against,of  conf=0.5
1121 accuse +prep:of:corruption|fraud|crime|bribery|embezzlement|murder|smuggling  conf=0.85
1122 accuse +prep:of:abuse|torture|violation|crime|genocide  conf=0.85
1123 accuse +prep:of:aggression|attack|invasion|provocation|incursion|shelling  conf=0.85
1124 accuse +prep:of:atrocity|massacre|genocide  conf=0.85
1125 accuse +prep:of:espionage|spying|treason  conf=0.85
113  rally +prep:against  target=against  conf=0.7
114  complain|lodge +obj:protest|complaint  target=with,to  conf=0.75
114  summon +obj:ambassador|envoy|diplomat|charge|affaires|d'affaires|representative|attache  conf=0.8
114  file +obj:complaint|protest  target=with,against  conf=0.75
115  sue  target=dobj,over  conf=0.8
115  file +obj:lawsuit|suit|case  target=against  conf=0.8
115  launch|take|file|bring|initiate|start|pursue +obj:action|proceeding|proceedings|case|complaint|lawsuit +mod:legal|court|infringement|judicial  target=against  conf=0.8
115  take +prep:to:court  target=dobj  conf=0.8
116  convict|sentence  target=dobj  conf=0.75
116  n:conviction|verdict  target=of,against  conf=0.45

# ---- 12 REJECT
120  reject|refuse|rebuff|dismiss|spurn|snub|decline|defy  target=dobj  conf=0.75
120  n:rejection|refusal  target=of  conf=0.5
127  reject|rebuff|dismiss +obj:proposal|plan|offer|deal|call|demand  +mod:ceasefire|peace|truce  conf=0.8
121  reject +obj:cooperation|offer|proposal  conf=0.75
1211 reject +obj:trade|investment|deal  conf=0.75
122  reject +obj:aid|assistance|help|request  conf=0.75
123  reject +obj:reform|demand  conf=0.75
1231 refuse +xcomp:resign|step  target=none conf=0.8
1232 reject +obj:policy|plan|change  conf=0.75
124  refuse +xcomp:withdraw|release|yield|back  conf=0.75
1244 refuse +xcomp:lift|ease  conf=0.8
125  reject +obj:talk|negotiation|meeting|proposal|invitation|dialogue  conf=0.8
125  refuse +xcomp:meet|talk|negotiate  conf=0.8
126  reject +obj:mediation  conf=0.8
127  reject +obj:agreement|deal|plan|accord|peace|settlement|ceasefire  conf=0.8
128  defy|violate|flout|breach  +obj:law|rule|norm|order|resolution|ruling|sanction  conf=0.75
129  veto  target=dobj  conf=0.85
129  block +obj:resolution|bill|motion  conf=0.75

# ---- 13 THREATEN
130  threaten|warn  target=dobj,with  conf=0.7
130  n:threat|warning  target=to,against  conf=0.5
131  threaten +xcomp:cut|suspend|halt|reduce|withdraw  conf=0.8
1311 threaten +xcomp:cut|stop|halt|withhold +mod:aid  conf=0.8
1312 threaten +xcomp:impose|sanction|boycott|tariff|embargo|ban|levy|slap  conf=0.85
1312 threaten +prep:with:sanction|tariff|embargo|boycott  conf=0.85
1313 threaten +xcomp:sever|break|downgrade|expel|recall  conf=0.85
132  threaten +xcomp:ban|restrict|arrest|detain|prosecute  conf=0.8
134  threaten +xcomp:quit|abandon|leave  conf=0.75
137  threaten +xcomp:crush|suppress  conf=0.8
138  threaten +xcomp:attack|strike|invade|bomb|fight|retaliate|hit|destroy|shoot|use|respond|wipe|annihilate|launch  conf=0.85
138  threaten +prep:with:force|war|attack|strike|retaliation|action  conf=0.85
138  n:threat +mod:military|nuclear  target=to,against  conf=0.6
1384 threaten +prep:with:invasion|attack  conf=0.85
1385 threaten +prep:with:nuclear|weapon  conf=0.85
139  issue +obj:ultimatum  target=to  conf=0.85
139  give|set|impose|issue +obj:deadline|ultimatum  target=iobj,to  conf=0.8

# ---- 14 PROTEST
140  protest|rally|march|demonstrate  target=against,outside  conf=0.7
140  n:protest|demonstration|rally|march  target=against  conf=0.6
141  stage|stag|hold  +obj:protest|demonstration|rally|march|sit-in|in|vigil  target=against,outside  conf=0.85
141  take +prep:to:street  target=against conf=0.8
142  n:strike +mod:hunger  target=against  conf=0.8
142  go +prep:on:strike +mod:hunger  conf=0.8
143  boycott  target=dobj,against  conf=0.6
143  n:boycott|walkout  target=of,against  conf=0.6
143  go +prep:on:strike  target=against conf=0.8
143  stop +obj:work  target=none conf=0.7
143  n:strike +mod:general|nationwide|national|labour|labor|worker|teacher|doctor|nurse|transport|rail|indefinite|wildcat|union|day-long|two-day|three-day|one-day|24-hour|48-hour|sit-in|warning  target=against  conf=0.6
143  walk +prt:out  target=of conf=0.7
144  block|barricade|obstruct  target=dobj  conf=0.6
145  riot|loot  target=against  conf=0.65
145  n:riot|unrest|looting  target=against  conf=0.6
145  set +obj:fire  target=to  conf=0.7
145  burn|torch  +obj:flag|effigy|tire|tyre|car|building|office|embassy|vehicle  conf=0.7
145  storm|ransack  +obj:embassy|office|parliament|building|compound  conf=0.8

# ---- 15 EXHIBIT FORCE POSTURE
150  n:show +mod:force  conf=0.6
152  put|place +prep:on:alert  conf=0.8
152  remain|stay|be|go|keep +prep:on:alert  conf=0.6
152  raise +obj:alert  conf=0.75
153  deploy|station +obj:police|officer  target=to,in  conf=0.75
154  deploy|mobilize|mobilise|mass|amass|station|send|move|rush  +obj:troop|force|soldier|tank|warship|ship|reservist|unit|army|jet|missile|division|battalion|carrier|vessel|aircraft|bomber  target=to,near,along,around,toward,towards,off,into,in  conf=0.8
154  n:deployment|buildup|build-up|mobilization|mobilisation  target=to,near,along  conf=0.55
154  strengthen|reinforce|boost|increase|bolster|beef|intensify|expand|double +obj:force|troop|presence|deployment|garrison|military  target=in,near,along,to  conf=0.7
154  reinforce  target=dobj  conf=0.55
154  n:exercise|drill +mod:military|naval|live-fire  target=near,off  conf=0.5

# ---- 16 REDUCE RELATIONS
160  cut|reduce|downgrade|suspend|freeze|halt|curb|restrict|scale  +obj:tie|relation|cooperation|contact|exchange|trade|investment|import|export  target=with,to  conf=0.8
160  ban|bar  target=dobj  conf=0.6
160  n:ban|restriction|curb  target=on,of,against  conf=0.55
160  n:banning  target=of,on  conf=0.6
160  halt|suspend|freeze  conf=0.45
161  sever|break|cut  +obj:tie|relation  target=with  conf=0.85
161  recall +obj:ambassador|envoy|diplomat  target=from  conf=0.85
161  expel|oust  +obj:ambassador|envoy|diplomat|attache|attaché|charge  conf=0.85
161  cancel|postpone|scrap|shelve|call +obj:visit|trip|meeting|summit|talk|tour  target=to,with  conf=0.75
161  close +obj:embassy|consulate  target=in  conf=0.8
1621 cut|suspend|halt|freeze|withhold|reduce|stop  +obj:aid|assistance|support  +mod:economic|financial|budget|development  target=to,for  conf=0.85
1622 cut|suspend|halt|freeze|withhold|reduce|stop  +obj:aid|assistance|support  +mod:military|security|defence|defense  target=to,for  conf=0.85
1623 cut|suspend|halt|freeze|withhold|reduce|stop  +obj:aid|assistance  +mod:humanitarian|food  target=to,for  conf=0.85
162  cut|suspend|halt|freeze|withhold|reduce|stop  +obj:aid|assistance|funding|fund  target=to,for  conf=0.85
162  n:suspension|cut|cutoff|halt|freeze|withdrawal|reduction  +obj:aid|assistance|funding  target=to,for  conf=0.7
1621 cut|suspend|freeze  +obj:loan|credit|budget  target=to  conf=0.8
1622 suspend|halt|stop  +obj:weapon|arm  +mod:sale|delivery|shipment  target=to  conf=0.8
163  impose|levy|slap|announce|extend|tighten|expand|introduce|adopt|approve  +obj:sanction|tariff|embargo|duty|penalty|levy|boycott|blockade  target=on,against  conf=0.85
163  sanction|embargo  target=dobj  conf=0.8
163  n:sanction|tariff|embargo|duty  target=on,against  conf=0.55
163  ban +obj:import|export|app|product|good|company|firm|flight|ship  conf=0.7
164  halt|suspend|break|end|quit|abandon|freeze|cancel|stop  +obj:talk|negotiation|dialogue  target=with  conf=0.8
164  break +prt:off +obj:talk|negotiation|dialogue  target=with  conf=0.85
165  end|halt|suspend|abandon|quit|stop|terminate +obj:mediation|effort +mod:mediation|peace  target=with,between  conf=0.8
165  end|halt|suspend|abandon|quit|stop|terminate +obj:mediation  target=with,between  conf=0.8
164  walk +prt:out +prep:of:talk|negotiation|meeting  conf=0.8
166  expel|oust  target=dobj  conf=0.75
166  withdraw +prep:from  target=from  conf=0.6
1661 expel|withdraw  +obj:peacekeeper  conf=0.8
1662 expel +obj:inspector|observer|monitor  conf=0.85
1663 expel +obj:agency|ngo|worker  conf=0.75

# ---- 17 COERCE
170  coerce|pressure|pressurize|intimidate|force  target=dobj  conf=0.65
171  seize|confiscate|impound|nationalize|nationalise  target=from  conf=0.75
1711 confiscate|impound|freeze  +obj:asset|property|ship|vessel|cargo|account  conf=0.8
1712 demolish|raze|bulldoze|destroy|torch|burn  +obj:home|house|building|village|property|farm|crop|mosque|church|school|shop|structure  conf=0.8
1712 demolish|raze|bulldoze  target=dobj  conf=0.7
190  destroy +obj:camp|base|position|hideout|tunnel|depot|bunker|launcher|tank|stronghold|post  conf=0.75
171  destroy|damage|vandalize|vandalise  target=dobj  conf=0.5
172  impose +obj:restriction|control|limit  target=on  conf=0.75
1721 censor|gag|silence  target=dobj  conf=0.75
1721 impose +obj:censorship  target=on  conf=0.8
1722 ban|outlaw|dissolve|proscribe|disband +obj:party|group|organization|organisation|candidate|opposition|movement|association|union|ngo  conf=0.8
1722 outlaw|proscribe  target=dobj  conf=0.7
1723 impose|extend|declare|enforce|announce|order|introduce|reimpose +obj:curfew  target=on,in  conf=0.85
1724 impose|declare|extend|proclaim|announce|introduce +obj:emergency|martial|state  +mod:emergency|martial  conf=0.85
1724 impose|declare|proclaim +obj:emergency|martial  conf=0.85
173  arrest|detain|jail|imprison|apprehend|capture|nab|charge|indict|prosecute  target=dobj  conf=0.8
173  n:arrest|detention  target=of  conf=0.6
173  take +prep:into:custody  conf=0.8
174  deport|expel|extradite  +obj:migrant|refugee|national|citizen|worker|journalist  target=dobj,to  conf=0.8
174  deport  target=dobj  conf=0.75
175  suppress|repress|crack  target=dobj,on  conf=0.7
175  n:crackdown|repression  target=on,against  conf=0.6
175  fire +obj:gas|teargas|tear|cannon  +mod:tear|water  target=at,on  conf=0.8

# ---- 18 ASSAULT
180  attack|assault|ambush|raid|target  target=dobj,on  conf=0.75
180  n:attack|assault|ambush|raid  target=on,against  conf=0.6
181  abduct|kidnap|hijack|seize +obj:hostage|passenger|plane|ship|vessel|aircraft  conf=0.85
181  abduct|kidnap|hijack  target=dobj  conf=0.85
181  n:abduction|kidnapping|hijacking  target=of  conf=0.7
182  assault|lynch  target=dobj  conf=0.75
182  beat  +prt:up  target=dobj  conf=0.75
182  beat  +prep:to:death  target=dobj  conf=0.8
182  beat|whip|flog|club  +obj:protester|demonstrator|journalist|prisoner|detainee|woman|man|student|activist|supporter|voter|worker|migrant|refugee|civilian|villager|people|member|lawmaker|opponent|critic|monk|teenager|boy|girl  conf=0.75
1821 rape  target=dobj  conf=0.85
1822 torture  target=dobj  conf=0.85
1822 n:torture  target=of  conf=0.55
1823 kill|murder|slay|behead|execute|stab|shoot  target=dobj  conf=0.8
1823 n:killing|murder  target=of  conf=0.6
183  blow  target=dobj  conf=0.6
183  n:bombing|blast|explosion  target=on,against,in  conf=0.6
1831 n:bomber +mod:suicide  conf=0.75
1831 blow +prt:up  conf=0.75
1832 n:bomb +mod:car  conf=0.75
1833 n:bomb +mod:roadside  conf=0.75
184  use|hold|keep|employ +prep:as:shield  conf=0.85
185  n:attempt +mod:assassination  target=on  conf=0.8
186  assassinate  target=dobj  conf=0.9
186  n:assassination  target=of  conf=0.75

# ---- 19 FIGHT
190  fight|battle|clash|war  sym target=dobj,with,against  conf=0.65
190  launch|begin|start|conduct|mount|wage|intensify|step +obj:operation|offensive|counteroffensive|counter-offensive|campaign|assault|incursion|invasion +mod:military|ground|offensive|counterterrorism|counter-terrorism|anti-terror|anti-terrorist|security|army|joint  target=against,on,in  conf=0.8
190  launch|begin|start|wage|declare +obj:war|warfare|offensive|counteroffensive|counter-offensive|incursion  target=against,on,in  conf=0.8
190  n:operation|offensive +mod:military|ground|offensive|counterterrorism|counter-terrorism  target=against,in  conf=0.5
190  n:fighting|clash|battle|war|hostility|skirmish|combat|conflict  sym target=with,against  conf=0.55
190  invade|attack  +obj:country|territory|border|position|base|post  conf=0.8
191  blockade|besiege|encircle|surround  target=dobj  conf=0.75
191  n:blockade|siege  target=of,on  conf=0.65
192  occupy|annex|capture|seize|take  +obj:town|city|village|territory|area|region|land|island|base|airport|port|hill|province|district|border  conf=0.8
192  occupy|annex  target=dobj  conf=0.8
192  n:occupation|annexation|invasion  target=of  conf=0.6
192  invade  target=dobj  conf=0.85
193  shoot|gun  +obj:soldier|protester|civilian  conf=0.75
193  fire +prep:on  target=on,at  conf=0.75
195  fire|launch +obj:missile|rocket|shell|mortar|drone  target=at,on,into,toward,towards  conf=0.8
193  open +obj:fire  target=on,at  conf=0.85
193  n:gunfire|firefight|shootout  target=with  conf=0.65
194  shell|pound|bombard  target=dobj  conf=0.85
194  n:shelling|bombardment|artillery  target=on,of  conf=0.7
195  bomb  target=dobj  conf=0.75
195  strike|hit|pound|target  +obj:target|position|base|convoy|depot|facility|site|camp|city|town|village|area|hospital|school|building|infrastructure|plant|port|airport|ship|vessel|tanker|headquarters|stronghold|hideout  conf=0.8
195  strike|hit  target=dobj  conf=0.45
195  n:airstrike|strike|bombing|raid +mod:air|aerial|drone|missile  target=on,against,in  conf=0.75
195  launch|conduct|carry|mount +obj:airstrike|strike|missile|rocket|drone|raid|sortie|bombardment  target=on,against,at,into  conf=0.8
195  n:airstrike|drone  target=on,against  conf=0.7
196  violate|breach|break  +obj:ceasefire|truce|armistice  conf=0.85
196  n:violation +mod:ceasefire  conf=0.7

# ---- 20 ENGAGE IN UNCONVENTIONAL MASS VIOLENCE
200  massacre|slaughter  target=dobj  conf=0.85
200  n:massacre|slaughter|atrocity  target=of  conf=0.65
201  expel +obj:population|minority|resident|villager|ethnic  conf=0.7
202  n:genocide  target=of,against  conf=0.7
203  n:cleansing +mod:ethnic  target=of,against  conf=0.85
204  use +obj:weapon  +mod:chemical|nuclear|biological  target=on,against  conf=0.85
2041 n:attack +mod:chemical|gas|sarin|chlorine  target=on,against  conf=0.8
2041 gas  target=dobj  conf=0.6
2042 detonate|test +obj:bomb|weapon|device  +mod:nuclear|atomic  conf=0.7
