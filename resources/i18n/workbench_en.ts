<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AddDepartmentDialog</name>
    <message>
        <location filename="../../workbench/ui/workspace/departments_dialog.py" line="23" />
        <source>新增部门</source>
        <translation>Add department</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/workspace/departments_dialog.py" line="26" />
        <source>简称，如 市数据局</source>
        <translation>Short name, e.g. 市数据局</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/workspace/departments_dialog.py" line="33" />
        <source>曾用名或俗称，以顿号分隔</source>
        <translation>Former or colloquial names, separated by 、</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/workspace/departments_dialog.py" line="34" />
        <source>简称：</source>
        <translation>Short name:</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/workspace/departments_dialog.py" line="35" />
        <source>全称：</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/workspace/departments_dialog.py" line="36" />
        <source>类别：</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/workspace/departments_dialog.py" line="37" />
        <source>别名：</source>
        <translation>Aliases:</translation>
    </message>
</context>
<context>
    <name>AgreementView</name>
    <message>
        <location filename="../../workbench/ui/audit/agreement_view.py" line="42" />
        <source>范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/audit/agreement_view.py" line="42" />
        <source>条目数</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/audit/agreement_view.py" line="43" />
        <source>被定为牵头次数</source>
        <translation>Times chosen as lead</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/audit/agreement_view.py" line="43" />
        <source>一致率</source>
        <translation>Agreement</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/audit/agreement_view.py" line="49" />
        <source>导出 Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/audit/agreement_view.py" line="70" />
        <source>正在计算一致性…</source>
        <translation>Computing agreement…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/audit/agreement_view.py" line="78" />
        <source>至少需要两位审核人的分工才能计算一致性。</source>
        <translation>Agreement needs the assignments of at least two reviewers.</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/audit/agreement_view.py" line="83" />
        <source>审核人：%1；共同审核的条目：%2</source>
        <translation>Reviewers: %1; items both reviewed: %2</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/audit/agreement_view.py" line="107" />
        <source>导出一致性统计</source>
        <translation>Export agreement statistics</translation>
    </message>
</context>
<context>
    <name>AnnotationPane</name>
    <message>
        <location filename="../../workbench/ui/annotation/annotation_pane.py" line="77" />
        <source>回到整段</source>
        <translation>Whole clause</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/annotation_pane.py" line="78" />
        <source>标注整段而不是所选句子（Esc）</source>
        <translation>Tag the whole clause, not the selected sentence (Esc)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/annotation_pane.py" line="86" />
        <source>责任单位（牵头在前，配合在后）</source>
        <translation>Departments (leads first, then support)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/annotation_pane.py" line="93" />
        <source>上移</source>
        <translation>Up</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/annotation_pane.py" line="94" />
        <source>下移</source>
        <translation>Down</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/annotation_pane.py" line="95" />
        <source>牵头/配合</source>
        <translation>Lead/support</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/annotation_pane.py" line="96" />
        <source>切换所选单位的角色</source>
        <translation>Switch the selected department's role</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/annotation_pane.py" line="97" />
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/annotation_pane.py" line="98" />
        <source>移除所选单位（Delete）</source>
        <translation>Remove the selected department (Delete)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/annotation_pane.py" line="124" />
        <source>关联指标</source>
        <translation>Linked indicators</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/annotation_pane.py" line="131" />
        <source>取消关联</source>
        <translation>Unlink</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/annotation_pane.py" line="146" />
        <source>审核</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/annotation_pane.py" line="150" />
        <source>未审</source>
        <translation>Unreviewed</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/annotation_pane.py" line="150" />
        <source>已审</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/annotation_pane.py" line="150" />
        <source>有疑问</source>
        <translation>Questioned</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/annotation_pane.py" line="160" />
        <source>未设定</source>
        <translation>Not set</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/annotation_pane.py" line="160" />
        <source>年内完成</source>
        <translation>Within the year</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/annotation_pane.py" line="160" />
        <source>持续推进</source>
        <translation>Ongoing</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/annotation_pane.py" line="163" />
        <source>%1年</source>
        <translation>%1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/annotation_pane.py" line="167" />
        <source>备注（离开编辑框或停顿较久时保存；Esc 返回目录）</source>
        <translation>Note (saved when you leave the box or pause a while; Esc returns to the outline)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/annotation_pane.py" line="176" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/annotation_pane.py" line="177" />
        <source>完成时限</source>
        <translation>Completion</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/annotation_pane.py" line="178" />
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/annotation_pane.py" line="182" />
        <source>印入任务分工方案“备注”栏，发给各部门（上面的备注只留在工作区）</source>
        <translation>Printed in the 备注 column of the task division plan sent to departments (the note above stays in the workspace)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/annotation_pane.py" line="184" />
        <source>公开备注</source>
        <translation>Public remark</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/annotation_pane.py" line="216" />
        <source>未选择条目</source>
        <translation>Nothing selected</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/annotation_pane.py" line="220" />
        <source>标注对象：%1 的第 %2 句</source>
        <translation>Tagging: sentence %2 of %1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/annotation_pane.py" line="224" />
        <source>标注对象：</source>
        <translation>Tagging: </translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/annotation_pane.py" line="237" />
        <source>本条未单独标注，继承自：%1</source>
        <translation>No tags of its own; inherits from: %1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/annotation_pane.py" line="242" />
        <source>另有 %1 项按句标注（在阅读区点击句子查看）</source>
        <translation>%1 more tags on its sentences (click a sentence in the reader)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/annotation_pane.py" line="300" />
        <source>最近使用（数字键＝牵头，Shift+数字＝配合，Alt+数字＝固定编号）：</source>
        <translation>Recent (number = lead, Shift+number = support, Alt+number = pin): </translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/annotation_pane.py" line="301" />
        <source>（尚无）</source>
        <translation>(none yet)</translation>
    </message>
</context>
<context>
    <name>Annotator</name>
    <message>
        <location filename="../../workbench/ui/annotation/annotator.py" line="73" />
        <source>工作区为只读，不能修改：%1</source>
        <translation>The workspace is read-only and cannot be changed: %1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/annotator.py" line="77" />
        <source>请先选择一个条目</source>
        <translation>Select an item first</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/annotator.py" line="98" />
        <source>最近使用列表中没有第 %1 个单位</source>
        <translation>There is no department %1 in the recent list</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/annotator.py" line="114" />
        <source>本条尚无牵头单位：请先指定牵头单位（数字键），再添加配合单位 %1</source>
        <translation>This item has no lead yet: assign a lead first (number keys), then add %1 as support</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/annotator.py" line="117" />
        <source>%1 已是配合单位，未作改动</source>
        <translation>%1 already supports; nothing changed</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/annotator.py" line="120" />
        <source>%1 是本条的牵头单位，Shift+数字不改变牵头单位；未作改动</source>
        <translation>%1 leads this item; Shift+number never changes the lead; nothing changed</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/annotator.py" line="127" />
        <source>%1 由牵头改为配合单位</source>
        <translation>%1 changed from lead to support</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/annotator.py" line="131" />
        <source>已添加配合单位 %1</source>
        <translation>Added %1 as support</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/annotator.py" line="216" />
        <source>第 %1 号不再固定</source>
        <translation>Number %1 is no longer pinned</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/annotator.py" line="231" />
        <source>%1 固定为第 %2 号</source>
        <translation>%1 pinned to number %2</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../workbench/app.py" line="140" />
        <source>无法打开工作区</source>
        <translation>Cannot open the workspace</translation>
    </message>
    <message>
        <location filename="../../workbench/app.py" line="177" />
        <source>今日备份未能完成：%1</source>
        <translation>Today's backup could not be taken: %1</translation>
    </message>
</context>
<context>
    <name>AssignmentList</name>
    <message>
        <location filename="../../workbench/ui/annotation/assignment_list.py" line="74" />
        <source>牵头</source>
        <translation>Lead</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/assignment_list.py" line="74" />
        <source>配合</source>
        <translation>Support</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/assignment_list.py" line="75" />
        <source>（已撤销）</source>
        <translation> (retired)</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <location filename="../../workbench/ui/audit/audit_view.py" line="162" />
        <source>自</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/audit/audit_view.py" line="164" />
        <source>至</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/audit/audit_view.py" line="170" />
        <source>部门名称或别名</source>
        <translation>Department name or alias</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/audit/audit_view.py" line="172" />
        <source>节点编号，如 ch03/s01</source>
        <translation>Node id, e.g. ch03/s01</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/audit/audit_view.py" line="184" />
        <source>审核人</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/audit/audit_view.py" line="215" />
        <source>正在读取…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/audit/audit_view.py" line="233" />
        <source>全部</source>
        <translation>All</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <location filename="../../workbench/ui/backups/dialog.py" line="29" />
        <source>合并 %1 之前</source>
        <translation>Before merging %1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/backups/dialog.py" line="30" />
        <source>导入规划 %1 之前</source>
        <translation>Before importing plan %1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/backups/dialog.py" line="31" />
        <source>导入任务分工表 %1 之前</source>
        <translation>Before importing division sheet %1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/backups/dialog.py" line="32" />
        <source>恢复备份 %1 之前</source>
        <translation>Before restoring %1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/backups/dialog.py" line="33" />
        <source>每日备份</source>
        <translation>Daily copy</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/backups/dialog.py" line="34" />
        <source>打开时的备份（旧版本）</source>
        <translation>On opening (older version)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/backups/dialog.py" line="35" />
        <source>损坏的工作区（原样保留）</source>
        <translation>The damaged workspace, kept as it was</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/backups/dialog.py" line="47" />
        <source>备份与恢复</source>
        <translation>Backups and restore</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/backups/dialog.py" line="52" />
        <source>工作区的备份保存在 %1。合并、导入规划或任务分工表、恢复之前各留一份，另每天一份（保留一周）。</source>
        <translation>Backups of the workspace are kept in %1: one before each merge, plan or division-sheet import and restore, and one a day (kept for a week).</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/backups/dialog.py" line="58" />
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/backups/dialog.py" line="58" />
        <source>备份于</source>
        <translation>Taken</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/backups/dialog.py" line="58" />
        <source>记录数</source>
        <translation>Events</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/backups/dialog.py" line="58" />
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/backups/dialog.py" line="66" />
        <source>恢复所选备份…</source>
        <translation>Restore selected copy…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/backups/dialog.py" line="101" />
        <source>将工作区恢复到 %1 的备份（%2，%3 条记录）？
当前内容会先另存为一份备份，可随时再恢复。</source>
        <translation>Restore the workspace to the copy of %1 (%2, %3 events)?
The current content is kept as a backup first and can be restored again at any time.</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/backups/dialog.py" line="108" />
        <source>未能恢复：%1</source>
        <translation>Could not restore: %1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/backups/dialog.py" line="117" />
        <source>备份与恢复(&amp;B)…</source>
        <translation>&amp;Backups and restore…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/backups/dialog.py" line="143" />
        <source>已恢复备份；恢复前的内容已另存为备份。</source>
        <translation>Backup restored; the previous content was kept as a backup.</translation>
    </message>
</context>
<context>
    <name>ChangeReview</name>
    <message>
        <location filename="../../workbench/ui/revision/compare.py" line="37" />
        <source>原文</source>
        <translation>Original</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/compare.py" line="38" />
        <source>修改后</source>
        <translation>Revised</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/compare.py" line="48" />
        <source>（无：新增）</source>
        <translation>(none: new)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/compare.py" line="49" />
        <source>（无：已删除）</source>
        <translation>(none: deleted)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/dialogs.py" line="24" />
        <source>重新标注</source>
        <translation>Re-tag</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/dialogs.py" line="40" />
        <source>牵头单位</source>
        <translation>Lead department</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/dialogs.py" line="41" />
        <source>责任单位</source>
        <translation>Supporting departments</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/dialogs.py" line="66" />
        <source>移至其他条款</source>
        <translation>Move to another node</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/dialogs.py" line="68" />
        <source>输入章节或文字筛选</source>
        <translation>Type a place or words to filter</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/labels.py" line="11" />
        <source>变化</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/labels.py" line="11" />
        <source>章节</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/labels.py" line="12" />
        <source>内容</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/labels.py" line="12" />
        <source>标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/labels.py" line="13" />
        <source>审核</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/labels.py" line="13" />
        <source>待审核</source>
        <translation>To review</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/labels.py" line="14" />
        <source>已确认</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/labels.py" line="14" />
        <source>已重新标注</source>
        <translation>Re-tagged</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/labels.py" line="15" />
        <source>已移至</source>
        <translation>Moved to</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/labels.py" line="15" />
        <source>未变</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/labels.py" line="16" />
        <source>移动</source>
        <translation>Moved</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/labels.py" line="16" />
        <source>文字修改</source>
        <translation>Reworded</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/labels.py" line="17" />
        <source>拆分</source>
        <translation>Split</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/labels.py" line="17" />
        <source>合并</source>
        <translation>Merged</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/labels.py" line="18" />
        <source>删除</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/labels.py" line="18" />
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/labels.py" line="19" />
        <source>重新编号</source>
        <translation>Renumbered</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/labels.py" line="19" />
        <source>移动、重新编号</source>
        <translation>Moved, renumbered</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/labels.py" line="20" />
        <source>文字修改、移动</source>
        <translation>Reworded, moved</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/labels.py" line="20" />
        <source>关联指标已删除</source>
        <translation>Linked indicator deleted</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/labels.py" line="21" />
        <source>全部变化</source>
        <translation>All changes</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/labels.py" line="21" />
        <source>孤立标签</source>
        <translation>Orphaned tags</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/labels.py" line="22" />
        <source>新增条款</source>
        <translation>New clauses</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/labels.py" line="22" />
        <source>指标修改</source>
        <translation>Indicator changed</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/labels.py" line="23" />
        <source>指标删除</source>
        <translation>Indicator deleted</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/labels.py" line="23" />
        <source>指标新增</source>
        <translation>Indicator added</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/review_model.py" line="89" />
        <source>未标注</source>
        <translation>Untagged</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/review_model.py" line="92" />
        <source>待标注</source>
        <translation>To tag</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/review_view.py" line="63" />
        <source>确认</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/review_view.py" line="64" />
        <source>重新标注…</source>
        <translation>Re-tag…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/review_view.py" line="65" />
        <source>移至其他条款…</source>
        <translation>Move to another node…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/review_view.py" line="66" />
        <source>转到条款</source>
        <translation>Go to node</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/review_view.py" line="67" />
        <source>导出对照表…</source>
        <translation>Export comparison table…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/review_view.py" line="68" />
        <source>原文 / 修改后 / 变化 / 责任单位，Excel 工作簿</source>
        <translation>Original / revised / change / departments, as an Excel workbook</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/review_view.py" line="70" />
        <source>新版本</source>
        <translation>New version</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/review_view.py" line="109" />
        <source>%1（修订自 %2）</source>
        <translation>%1 (revision of %2)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/review_view.py" line="122" />
        <source>工作区中还没有修订稿：用 文件 › 导入修订稿 导入新版本</source>
        <translation>No revised draft in this workspace yet: use File › Import revised draft</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/review_view.py" line="132" />
        <source>%1 处变化，%2 项待审核，%3 条新增条款待标注</source>
        <translation>%1 changes, %2 to review, %3 new clauses to tag</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/review_view.py" line="169" />
        <source>（无标签）</source>
        <translation>(no tags)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/review_view.py" line="172" />
        <source>标签：</source>
        <translation>Tags: </translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/review_view.py" line="172" />
        <source>原有标签（孤立）：</source>
        <translation>Former tags (orphaned): </translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/review_view.py" line="231" />
        <source>导出对照表</source>
        <translation>Export comparison table</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/review_view.py" line="232" />
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/review_view.py" line="239" />
        <location filename="../../workbench/ui/revision/review_view.py" line="248" />
        <source>无法完成</source>
        <translation>Could not complete</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/review_view.py" line="241" />
        <source>已导出：%1</source>
        <translation>Exported: %1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/wiring.py" line="30" />
        <source>修订对照</source>
        <translation>Revision changes</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/wiring.py" line="40" />
        <source>导入修订稿(&amp;R)…</source>
        <translation>Import &amp;revised draft…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/wiring.py" line="42" />
        <source>导入某规划的新版本（如批准稿）：标注随条款带入新版本，旧版本只读保留</source>
        <translation>Import a new version of a plan (such as the approved text): tags follow their clauses; the old version stays, read-only</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/wiring.py" line="55" />
        <source>旧版本上的标注已带入新版本：%1 个条目；%2 个条目在新版本上已改，待审核；%3 项孤立标签。</source>
        <translation>Tags merged onto the old version were carried into the new one: %1 nodes; %2 re-tagged there meanwhile, to review; %3 orphaned.</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/wiring.py" line="59" />
        <source>另一工作区的修订关系已记录：规划 %1 为新版本。</source>
        <translation> The other workspace's revision is recorded here too: plan %1 is the new version.</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/wiring.py" line="69" />
        <source>（旧版本，只读）</source>
        <translation> (old version, read-only)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/wiring.py" line="86" />
        <location filename="../../workbench/ui/revision/wiring.py" line="89" />
        <location filename="../../workbench/ui/revision/wiring.py" line="94" />
        <location filename="../../workbench/ui/revision/wiring.py" line="126" />
        <location filename="../../workbench/ui/revision/wiring.py" line="210" />
        <source>导入修订稿</source>
        <translation>Import revised draft</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/wiring.py" line="86" />
        <source>工作区中还没有规划：请先导入规划</source>
        <translation>The workspace holds no plan yet: import a plan first</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/wiring.py" line="90" />
        <source>新文件是哪个规划的新版本？</source>
        <translation>Which plan is the new file a version of?</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/wiring.py" line="102" />
        <source>正在读取和解析 %1…</source>
        <translation>Reading and parsing %1…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/wiring.py" line="115" />
        <source>作为规划 %1（%2）的新版本导入：标注随条款带入新版本，旧版本只读保留。</source>
        <translation>Imported as the new version of plan %1 (%2): tags follow their clauses; the old version stays, read-only.</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/wiring.py" line="140" />
        <source>正在比对条款并带入标注…</source>
        <translation>Matching clauses and carrying tags…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/wiring.py" line="127" />
        <location filename="../../workbench/ui/revision/wiring.py" line="185" />
        <location filename="../../workbench/ui/revision/wiring.py" line="188" />
        <location filename="../../workbench/ui/revision/wiring.py" line="212" />
        <source>导入修订稿失败</source>
        <translation>Importing the revised draft failed</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/wiring.py" line="159" />
        <source>%1 与方案 %2 是同一文件；修订稿须与所修订的版本不同</source>
        <translation>%1 is the same document as plan %2; a revision must differ from the version it revises</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/wiring.py" line="160" />
        <source>%1 已作为方案 %2 在工作区中，不是此规划的修订稿</source>
        <translation>%1 is already in the workspace as plan %2, not as a revision of this plan</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/wiring.py" line="161" />
        <source>%1 与方案 %2 没有任何相同条款，不是它的修订稿（是否选错了规划？）；未导入</source>
        <translation>%1 shares no clause with plan %2: it is not a revision of it (wrong plan?); nothing imported</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/wiring.py" line="202" />
        <source>该文件已是此规划的新版本，未作改动</source>
        <translation>This file is already the new version of that plan; nothing changed</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/wiring.py" line="204" />
        <source>已导入新版本，旧版本改为只读：标注带入 %1 个条目，%2 项待审核，%3 项孤立标签</source>
        <translation>New version imported, the old one is now read-only: tags carried to %1 nodes, %2 to review, %3 orphaned</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/revision/wiring.py" line="126" />
        <location filename="../../workbench/ui/revision/wiring.py" line="211" />
        <source>正在导入 %1…</source>
        <translation>Importing %1…</translation>
    </message>
</context>
<context>
    <name>ChartsView</name>
    <message>
        <location filename="../../workbench/ui/window/charts.py" line="192" />
        <source>有牵头</source>
        <translation>Lead</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/charts.py" line="193" />
        <source>继承牵头</source>
        <translation>Inherited lead</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/charts.py" line="194" />
        <source>仅配合</source>
        <translation>Support only</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/charts.py" line="195" />
        <source>未标注</source>
        <translation>Untagged</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/charts.py" line="197" />
        <source>牵头</source>
        <translation>Lead</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/charts.py" line="197" />
        <source>配合</source>
        <translation>Support</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/charts.py" line="198" />
        <source>尚无单位标注</source>
        <translation>No departments assigned yet</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/charts.py" line="199" />
        <source>没有章</source>
        <translation>No chapters</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/charts.py" line="200" />
        <source>各章覆盖</source>
        <translation>Coverage by chapter</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/charts.py" line="202" />
        <source>单位负荷</source>
        <translation>Department load</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../../workbench/ui/annotation/commands.py" line="127" />
        <source>撤销</source>
        <translation>undo</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/commands.py" line="127" />
        <source>重做</source>
        <translation>redo</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/commands.py" line="130" />
        <source>无法%1「%2」：%3 已被他人修改。此步已从撤销记录中移除。</source>
        <translation>Cannot %1 “%2”: %3 was changed by someone else. The step was removed from the undo history.</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/commands.py" line="132" />
        <source>无法%1「%2」：%3 已于 %4 被 %5 修改（%6）。为免覆盖其修改，此步已从撤销记录中移除。</source>
        <translation>Cannot %1 “%2”: %3 was changed at %4 by %5 (%6). So as not to overwrite that change, the step was removed from the undo history.</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/commands.py" line="155" />
        <source>指定牵头单位 %1</source>
        <translation>Assign lead %1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/commands.py" line="155" />
        <source>添加配合单位 %1</source>
        <translation>Add support %1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/commands.py" line="164" />
        <source>移除单位 %1</source>
        <translation>Remove %1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/commands.py" line="173" />
        <source>调整单位顺序 %1</source>
        <translation>Reorder %1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/commands.py" line="182" />
        <source>设为牵头 %1</source>
        <translation>Make %1 lead</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/commands.py" line="182" />
        <source>设为配合 %1</source>
        <translation>Make %1 support</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/commands.py" line="199" />
        <source>关联指标 %1</source>
        <translation>Link indicator %1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/commands.py" line="199" />
        <source>取消关联指标 %1</source>
        <translation>Unlink indicator %1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/commands.py" line="249" />
        <source>编辑备注</source>
        <translation>Edit note</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/commands.py" line="274" />
        <source>编辑公开备注</source>
        <translation>Edit public remark</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/commands.py" line="288" />
        <source>设置审核状态</source>
        <translation>Set review status</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/commands.py" line="303" />
        <source>设置完成时限</source>
        <translation>Set completion</translation>
    </message>
</context>
<context>
    <name>ConflictsView</name>
    <message>
        <location filename="../../workbench/ui/disputes/model.py" line="34" />
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/disputes/model.py" line="34" />
        <source>对象</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/disputes/model.py" line="34" />
        <source>分歧</source>
        <translation>Disagreement</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/disputes/model.py" line="35" />
        <source>A 方</source>
        <translation>Side A</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/disputes/model.py" line="35" />
        <source>B 方（当前显示）</source>
        <translation>Side B (shown now)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/disputes/model.py" line="36" />
        <source>说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/disputes/model.py" line="36" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/disputes/conflicts_view.py" line="55" />
        <source>显示已处理的冲突</source>
        <translation>Show settled conflicts</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/disputes/conflicts_view.py" line="56" />
        <source>也列出已裁决和已被取代的冲突，并说明其结果</source>
        <translation>Also list resolved and superseded conflicts, saying what became of each</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/disputes/conflicts_view.py" line="58" />
        <source>裁决理由（可选）</source>
        <translation>Reason for the decision (optional)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/disputes/conflicts_view.py" line="59" />
        <source>采用 A 方</source>
        <translation>Take side A</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/disputes/conflicts_view.py" line="60" />
        <source>采用 B 方</source>
        <translation>Take side B</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/disputes/conflicts_view.py" line="101" />
        <source>正在读取合并冲突…</source>
        <translation>Reading merge conflicts…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/disputes/conflicts_view.py" line="106" />
        <source>读取冲突失败：%1</source>
        <translation>Could not read the conflicts: %1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/disputes/conflicts_view.py" line="145" />
        <source>无法裁决</source>
        <translation>Cannot resolve</translation>
    </message>
</context>
<context>
    <name>DepartmentPicker</name>
    <message>
        <location filename="../../workbench/ui/annotation/department_picker.py" line="64" />
        <source>单位名称或简称，如 教委</source>
        <translation>Department name or short name, e.g. 教委</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/department_picker.py" line="76" />
        <source>牵头</source>
        <translation>Lead</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/department_picker.py" line="77" />
        <source>添加为牵头单位（Enter）</source>
        <translation>Add as lead (Enter)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/department_picker.py" line="78" />
        <source>配合</source>
        <translation>Support</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/department_picker.py" line="79" />
        <source>添加为配合单位（Shift+Enter）</source>
        <translation>Add as support (Shift+Enter)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/department_picker.py" line="109" />
        <source>又称 </source>
        <translation>also </translation>
    </message>
</context>
<context>
    <name>DepartmentsDialog</name>
    <message>
        <location filename="../../workbench/ui/workspace/departments_dialog.py" line="57" />
        <source>部门名录</source>
        <translation>Department registry</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/workspace/departments_dialog.py" line="60" />
        <source>简称</source>
        <translation>Short name</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/workspace/departments_dialog.py" line="60" />
        <source>全称</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/workspace/departments_dialog.py" line="60" />
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/workspace/departments_dialog.py" line="60" />
        <source>别名</source>
        <translation>Aliases</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/workspace/departments_dialog.py" line="61" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/workspace/departments_dialog.py" line="69" />
        <source>新增…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/workspace/departments_dialog.py" line="69" />
        <source>改名…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/workspace/departments_dialog.py" line="70" />
        <source>撤销</source>
        <translation>Retire</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/workspace/departments_dialog.py" line="70" />
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/workspace/departments_dialog.py" line="76" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/workspace/departments_dialog.py" line="89" />
        <source>已撤销</source>
        <translation>Retired</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/workspace/departments_dialog.py" line="89" />
        <source>名称待核实</source>
        <translation>Name unconfirmed</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/workspace/departments_dialog.py" line="134" />
        <source>改名</source>
        <translation>Rename</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/workspace/departments_dialog.py" line="134" />
        <source>新名称（原名称将作为别名保留）：</source>
        <translation>New name (the old name is kept as an alias):</translation>
    </message>
</context>
<context>
    <name>DivisionImportDialog</name>
    <message>
        <location filename="../../workbench/ui/export/division_dialog.py" line="34" />
        <location filename="../../workbench/ui/export/division_dialog.py" line="98" />
        <location filename="../../workbench/ui/export/division_dialog.py" line="101" />
        <source>导入任务分工表</source>
        <translation>Import division sheet</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export/division_dialog.py" line="36" />
        <source>{file}：读取 {rows} 行，{n} 处修改将应用。</source>
        <translation>{file}: {rows} rows read, {n} change(s) will be applied.</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export/division_dialog.py" line="46" />
        <source>以下差异不会应用（原因见各行）：</source>
        <translation>These differences will not be applied (the reason is on each line):</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export/division_dialog.py" line="52" />
        <source>以下问题须在表格中改正后重新导入（不会自动新建部门）：</source>
        <translation>Correct these in the sheet and import it again (departments are never created by an import):</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export/division_dialog.py" line="57" />
        <source>修改记为（审核人）：</source>
        <translation>Record the changes as (reviewer):</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export/division_dialog.py" line="58" />
        <source>单位：</source>
        <translation>Unit:</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export/division_dialog.py" line="62" />
        <source>应用修改</source>
        <translation>Apply changes</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export/division_dialog.py" line="72" />
        <source>请填写审核人姓名。</source>
        <translation>Please enter the reviewer's name.</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export/division_dialog.py" line="79" />
        <source>无法在导入前备份工作区，未作修改：%1</source>
        <translation>Could not back up the workspace before the import; nothing was changed: %1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export/division_dialog.py" line="101" />
        <source>表格与工作区一致，没有需要应用的修改。</source>
        <translation>The sheet matches the workspace; there is nothing to apply.</translation>
    </message>
</context>
<context>
    <name>EventTableModel</name>
    <message>
        <location filename="../../workbench/ui/audit/event_table.py" line="34" />
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/audit/event_table.py" line="34" />
        <source>审核人</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/audit/event_table.py" line="35" />
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/audit/event_table.py" line="35" />
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/audit/event_table.py" line="36" />
        <source>对象</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/audit/event_table.py" line="36" />
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/audit/event_table.py" line="37" />
        <source>修改前</source>
        <translation>Before</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/audit/event_table.py" line="37" />
        <source>修改后</source>
        <translation>After</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/audit/event_table.py" line="38" />
        <source>理由</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>ExportCheck</name>
    <message>
        <location filename="../../workbench/ui/export/export_check.py" line="32" />
        <source>责任单位</source>
        <translation>Departments</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export/export_check.py" line="32" />
        <source>关联指标</source>
        <translation>Linked indicators</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export/export_check.py" line="33" />
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export/export_check.py" line="33" />
        <source>审核状态</source>
        <translation>review status</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export/export_check.py" line="34" />
        <source>完成时限</source>
        <translation>Completion</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export/export_check.py" line="34" />
        <source>公开备注</source>
        <translation>Public remark</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export/export_check.py" line="42" />
        <source>条目 %1 的%2</source>
        <translation>the %2 of item %1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export/export_check.py" line="45" />
        <source>部门“%1”</source>
        <translation>department “%1”</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export/export_check.py" line="47" />
        <source>规划 %1</source>
        <translation>plan %1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export/export_check.py" line="53" />
        <source>（事件 %1）</source>
        <translation> (event %1)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export/export_check.py" line="55" />
        <source>已拒绝导出：工作区的内容与审计记录不符，首个不符处：%1%2。请先用“workbench audit verify”核对。</source>
        <translation>Export refused: the workspace does not match its audit trail; first mismatch: %1%2. Check it with “workbench audit verify” first.</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export/export_check.py" line="57" />
        <source>已拒绝导出：审计记录未通过核验：%1%2。请先用“workbench audit verify”核对。</source>
        <translation>Export refused: the audit trail does not verify: %1%2. Check it with “workbench audit verify” first.</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export/export_check.py" line="77" />
        <source>正在核对工作区与审计记录…</source>
        <translation>Checking the workspace against its audit trail…</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../workbench/ui/export/export_dialog.py" line="36" />
        <location filename="../../workbench/ui/export/export_dialog.py" line="244" />
        <source>导出 Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export/export_dialog.py" line="47" />
        <source>规划：</source>
        <translation>Plan:</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export/export_dialog.py" line="50" />
        <source>导出内容</source>
        <translation>What to export</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export/export_dialog.py" line="52" />
        <source>一个工作簿，包含所选工作表</source>
        <translation>One workbook with the chosen sheets</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export/export_dialog.py" line="53" />
        <source>每个部门一个工作簿（发给各部门联络员）</source>
        <translation>One workbook per department (for the departments' liaisons)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export/export_dialog.py" line="69" />
        <source>部门（工作簿只含涉及所选部门的任务；或为所选部门各出一个工作簿）：</source>
        <translation>Departments (the workbook holds only tasks involving these; or one workbook for each):</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export/export_dialog.py" line="75" />
        <source>范围（章）</source>
        <translation>Scope (chapters)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export/export_dialog.py" line="81" />
        <source>全选</source>
        <translation>Select all</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export/export_dialog.py" line="81" />
        <source>全不选</source>
        <translation>Select none</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export/export_dialog.py" line="89" />
        <source>打印版式（任务分工方案）</source>
        <translation>Print layout (task division plan)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export/export_dialog.py" line="92" />
        <source>A4 横向</source>
        <translation>A4 landscape</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export/export_dialog.py" line="93" />
        <source>A3 横向</source>
        <translation>A3 landscape</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export/export_dialog.py" line="95" />
        <source>全文连续编号</source>
        <translation>Numbered through the plan</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export/export_dialog.py" line="96" />
        <source>每章重新编号</source>
        <translation>Numbering restarts per chapter</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export/export_dialog.py" line="98" />
        <source>如“附件”或“附件2”，不填则不印</source>
        <translation>e.g. 附件 or 附件2; leave empty to print none</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export/export_dialog.py" line="99" />
        <source>同时生成 Word 版方案（.docx，与工作簿同名）</source>
        <translation>Also write the plan as Word (.docx, same name as the workbook)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export/export_dialog.py" line="100" />
        <source>纸张：</source>
        <translation>Paper:</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export/export_dialog.py" line="101" />
        <source>序号：</source>
        <translation>Numbering:</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export/export_dialog.py" line="102" />
        <source>附件标注：</source>
        <translation>Attachment line:</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export/export_dialog.py" line="108" />
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export/export_dialog.py" line="110" />
        <source>保存到：</source>
        <translation>Save to:</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export/export_dialog.py" line="118" />
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export/export_dialog.py" line="183" />
        <source>导出到</source>
        <translation>Export to</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export/export_dialog.py" line="184" />
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export/export_dialog.py" line="186" />
        <source>导出到文件夹</source>
        <translation>Export into folder</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export/export_dialog.py" line="236" />
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/export/export_dialog.py" line="245" />
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
</context>
<context>
    <name>HandoutDialog</name>
    <message>
        <location filename="../../workbench/ui/handout/handout_dialog.py" line="28" />
        <location filename="../../workbench/ui/handout/handout_dialog.py" line="76" />
        <source>分发副本</source>
        <translation>Hand out a copy</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/handout/handout_dialog.py" line="32" />
        <source>为另一位审核人写出本工作区的副本。对方在副本中工作后交回，用“合并”导入。</source>
        <translation>Write a copy of this workspace for another reviewer. They work in the copy and send it back; bring their work in with Merge.</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/handout/handout_dialog.py" line="34" />
        <source>审核人姓名，如 李四</source>
        <translation>The reviewer's name, e.g. 李四</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/handout/handout_dialog.py" line="37" />
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/handout/handout_dialog.py" line="42" />
        <source>交给：</source>
        <translation>For:</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/handout/handout_dialog.py" line="43" />
        <source>副本文件：</source>
        <translation>Copy file:</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/handout/handout_dialog.py" line="55" />
        <source>副本文件</source>
        <translation>Copy file</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/handout/handout_dialog.py" line="56" />
        <source>工作区 (*.sqlite)</source>
        <translation>Workspaces (*.sqlite)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/handout/handout_dialog.py" line="82" />
        <source>已为 {name} 写出副本：{path}</source>
        <translation>Wrote a copy for {name}: {path}</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <location filename="../../workbench/ui/audit/history_tab.py" line="49" />
        <source>未选择节点</source>
        <translation>No item selected</translation>
    </message>
</context>
<context>
    <name>ImportMessages</name>
    <message>
        <location filename="../../workbench/ui/import_preview/messages.py" line="20" />
        <source>%at：%label 与正文连在一起，标题取为“%title”，请核对</source>
        <translation>%at: %label runs straight into its text; title taken as “%title” (check it)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/messages.py" line="22" />
        <source>%at：%label 与正文连在一起，无法分出标题，全文作为其第一段</source>
        <translation>%at: %label runs straight into its text and no title could be told apart; kept as its first paragraph</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/messages.py" line="24" />
        <source>跳过 %n 行页码或页眉，例如%at：“%title”</source>
        <translation>Skipped %n page-number or running-header lines, e.g. %at: “%title”</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/messages.py" line="25" />
        <source>%at：%label 不在任何一章之内</source>
        <translation>%at: %label is outside any chapter</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/messages.py" line="26" />
        <source>%at：%label 编号重复，记为 %title</source>
        <translation>%at: duplicate %label, kept as %title</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/messages.py" line="28" />
        <source>目录列出的 %label %title 在正文中没有找到</source>
        <translation>The contents list %label %title, not found in the body</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/messages.py" line="30" />
        <source>%label：正文标题“%title”与目录中的“%n”不同</source>
        <translation>%label: body title “%title” differs from the contents' “%n”</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/messages.py" line="32" />
        <source>%at：指标序号 %n 重复（第一次在 %title），本行记为 %label</source>
        <translation>%at: indicator number %n is used twice (first at %title); this row is kept as %label</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/messages.py" line="34" />
        <source>指标类别 %label：表头写 %n 项，实际 %title 项</source>
        <translation>Indicator category %label: the header says %n, found %title</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/messages.py" line="35" />
        <source>无法识别的指标表行：%title</source>
        <translation>Unrecognised indicator table row: %title</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/messages.py" line="37" />
        <source>指标表：%label 列没有对应的栏目，其数值附在目标值之后</source>
        <translation>indicator table: column(s) %label have no field of their own; their values are kept after the target value</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/messages.py" line="40" />
        <source>%at：指标表无法按行读出（%n 行作为表格原文保留，未生成指标）；如需结构化指标，请直接导入 PDF 或 pdftotext -layout 的文本</source>
        <translation>%at: the indicator table could not be read into rows (%n lines kept as the table's text, no indicators); import the PDF itself, or text from pdftotext -layout, for structured indicators</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/messages.py" line="43" />
        <source>%at：“%label”之后不是目录，按正文保留</source>
        <translation>%at: “%label” is not followed by a table of contents; kept as text</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/messages.py" line="49" />
        <source>表格 %1 第 %2 行</source>
        <translation>table %1 row %2</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/messages.py" line="50" />
        <source>第 %1 行</source>
        <translation>line %1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/messages.py" line="51" />
        <source>第 %1 段</source>
        <translation>paragraph %1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/messages.py" line="52" />
        <source>第 %1 页</source>
        <translation>page %1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/messages.py" line="53" />
        <source>（页眉页脚）</source>
        <translation>(header/footer)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/messages.py" line="54" />
        <source>，表格行</source>
        <translation>, table row</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/messages.py" line="55" />
        <source>文本框，位于</source>
        <translation>text box at</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../workbench/ui/import_preview/dialog.py" line="48" />
        <source>导入预览：%1</source>
        <translation>Import preview: %1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/dialog.py" line="79" />
        <source>原文</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/dialog.py" line="85" />
        <source>识别出的结构</source>
        <translation>Structure found</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/dialog.py" line="95" />
        <source>设为篇标题</source>
        <translation>Make part heading</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/dialog.py" line="96" />
        <source>设为章标题</source>
        <translation>Make chapter heading</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/dialog.py" line="97" />
        <source>设为节标题</source>
        <translation>Make section heading</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/dialog.py" line="98" />
        <location filename="../../workbench/ui/import_preview/dialog.py" line="221" />
        <source>设为正文</source>
        <translation>Make body text</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/dialog.py" line="99" />
        <source>在光标处分段</source>
        <translation>Split at cursor</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/dialog.py" line="100" />
        <location filename="../../workbench/ui/import_preview/dialog.py" line="221" />
        <source>并入上一段</source>
        <translation>Join to previous</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/dialog.py" line="101" />
        <location filename="../../workbench/ui/import_preview/dialog.py" line="221" />
        <source>至此为前置内容</source>
        <translation>Front matter ends here</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/dialog.py" line="102" />
        <source>所选行是目录</source>
        <translation>Selected lines are contents</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/dialog.py" line="116" />
        <source>提示与跳过的行（单击定位到原文）</source>
        <translation>Warnings and skipped lines (click to find the line)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/dialog.py" line="118" />
        <source>已做的更正</source>
        <translation>Corrections made</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/dialog.py" line="120" />
        <source>删除所选更正</source>
        <translation>Remove selected correction</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/dialog.py" line="128" />
        <source>确认导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/dialog.py" line="129" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/dialog.py" line="162" />
        <source>无法导入：%1</source>
        <translation>Cannot import: %1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/dialog.py" line="167" />
        <source>《%1》：%2 篇，%3 章，%4 节，%5 段，%6 个专栏（%7 条），%8 项指标（另 %9 个分项）</source>
        <translation>%1: %2 parts, %3 chapters, %4 sections, %5 clauses, %6 boxes (%7 items), %8 indicators (+%9 sub-rows)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/dialog.py" line="173" />
        <source>；编号方式：%1</source>
        <translation>; numbering: %1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/dialog.py" line="175" />
        <source>；原文 %1 字全部在结构中，%2 字按目录、页眉页脚跳过</source>
        <translation>; all %1 characters of the source are in the structure, %2 skipped as contents or page furniture</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/dialog.py" line="184" />
        <source>丢失文字：第 %1 行</source>
        <translation>Text lost: line %1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/dialog.py" line="189" />
        <source>提示：%1</source>
        <translation>Warning: %1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/dialog.py" line="190" />
        <source>目录</source>
        <translation>contents</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/dialog.py" line="190" />
        <source>页码或页眉</source>
        <translation>page number or running header</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/dialog.py" line="191" />
        <source>页眉页脚</source>
        <translation>page header or footer</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/dialog.py" line="195" />
        <source>跳过第 %1 行（%2）：%3</source>
        <translation>Skipped line %1 (%2): %3</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/dialog.py" line="197" />
        <source>跳过第 %1–%2 行，共 %3 行（%4）：%5</source>
        <translation>Skipped lines %1–%2, %3 lines (%4): %5</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/dialog.py" line="224" />
        <source>篇</source>
        <translation>part</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/dialog.py" line="224" />
        <source>章</source>
        <translation>chapter</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/dialog.py" line="224" />
        <source>节</source>
        <translation>section</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/dialog.py" line="225" />
        <source>第 %1 行：设为%2标题</source>
        <translation>Line %1: %2 heading</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/dialog.py" line="227" />
        <source>第 %1 行：在第 %2 字处分段</source>
        <translation>Line %1: split at character %2</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/dialog.py" line="229" />
        <source>第 %1–%2 行：目录</source>
        <translation>Lines %1–%2: contents</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/dialog.py" line="230" />
        <source>第 %1 行：%2</source>
        <translation>Line %1: %2</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/dialog.py" line="251" />
        <source>第 %1 行</source>
        <translation>Line %1</translation>
    </message>
</context>
<context>
    <name>IndicatorPicker</name>
    <message>
        <location filename="../../workbench/ui/annotation/indicator_picker.py" line="53" />
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/indicator_picker.py" line="53" />
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/indicator_picker.py" line="53" />
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/indicator_picker.py" line="53" />
        <source>2025年</source>
        <translation>2025</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/indicator_picker.py" line="53" />
        <source>2030年</source>
        <translation>2030</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/indicator_picker.py" line="53" />
        <source>属性</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/indicator_picker.py" line="61" />
        <source>选择或输入指标名称</source>
        <translation>Choose or type an indicator</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/indicator_picker.py" line="77" />
        <source>关联</source>
        <translation>Link</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/indicator_picker.py" line="78" />
        <source>把所选指标关联到当前条目</source>
        <translation>Link the chosen indicator to the current item</translation>
    </message>
</context>
<context>
    <name>IndicatorTableModel</name>
    <message>
        <location filename="../../workbench/ui/annotation/indicator_view.py" line="32" />
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/indicator_view.py" line="32" />
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/indicator_view.py" line="33" />
        <source>责任单位</source>
        <translation>Departments</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/indicator_view.py" line="33" />
        <source>关联条目</source>
        <translation>Linked items</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/indicator_view.py" line="34" />
        <source>2025年</source>
        <translation>2025</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/indicator_view.py" line="34" />
        <source>2030年</source>
        <translation>2030</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/indicator_view.py" line="35" />
        <source>属性</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/indicator_view.py" line="35" />
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/annotation/indicator_view.py" line="66" />
        <source>（牵头）</source>
        <translation> (lead)</translation>
    </message>
</context>
<context>
    <name>Integrations</name>
    <message>
        <location filename="../../workbench/ui/window/integrations.py" line="44" />
        <source>合并冲突</source>
        <translation>Merge conflicts</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/integrations.py" line="49" />
        <source>审核一致性</source>
        <translation>Reviewer agreement</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/integrations.py" line="53" />
        <source>标注</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/integrations.py" line="54" />
        <source>修改记录</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/integrations.py" line="58" />
        <source>导入任务分工表(&amp;D)…</source>
        <translation>Import &amp;division sheet…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/integrations.py" line="66" />
        <source>分发副本(&amp;H)…</source>
        <translation>&amp;Hand out a copy…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/integrations.py" line="68" />
        <source>为另一位审核人写出本工作区的副本</source>
        <translation>Write a copy of this workspace for another reviewer</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/integrations.py" line="73" />
        <source>部门名录(&amp;G)…</source>
        <translation>Department re&amp;gistry…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/integrations.py" line="131" />
        <source>导出 Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/integrations.py" line="131" />
        <source>工作区中还没有规划。</source>
        <translation>The workspace holds no plan yet.</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/integrations.py" line="139" />
        <source>已导出：</source>
        <translation>Exported: </translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/integrations.py" line="153" />
        <source>导入任务分工表</source>
        <translation>Import division sheet</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/integrations.py" line="153" />
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/integrations.py" line="159" />
        <source>已应用 {n} 条修改</source>
        <translation>Applied {n} change(s)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/integrations.py" line="183" />
        <source>合并其他审核人的工作区</source>
        <translation>Merge another reviewer's workspace</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/integrations.py" line="184" />
        <source>工作区 (*.sqlite *.db);;所有文件 (*)</source>
        <translation>Workspace (*.sqlite *.db);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/integrations.py" line="188" />
        <source>正在合并 {name}…</source>
        <translation>Merging {name}…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/integrations.py" line="191" />
        <location filename="../../workbench/ui/window/integrations.py" line="194" />
        <source>无法合并</source>
        <translation>Cannot merge</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/integrations.py" line="195" />
        <source>无法写入（{reason}），本工作区未作任何改动。</source>
        <translation>Could not write ({reason}); this workspace was not changed.</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/integrations.py" line="202" />
        <source>合并了 {n} 条记录；待处理冲突 {c} 个。</source>
        <translation>Merged {n} event(s); {c} conflict(s) to resolve.</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/integrations.py" line="206" />
        <source>该工作区的记录已全部在本工作区中，没有变化。</source>
        <translation>This workspace already holds all of that workspace's events; nothing changed.</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/integrations.py" line="207" />
        <source>合并完成</source>
        <translation>Merge finished</translation>
    </message>
</context>
<context>
    <name>KeyUnlock</name>
    <message>
        <location filename="../../workbench/ui/signing/unlock.py" line="26" />
        <source>您的签名密钥受口令保护，请输入口令：</source>
        <translation>Your signing key is protected by a passphrase. Enter it:</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/signing/unlock.py" line="28" />
        <source>签名密钥口令</source>
        <translation>Signing key passphrase</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/signing/unlock.py" line="35" />
        <source>口令不正确，请重新输入：</source>
        <translation>Wrong passphrase. Try again:</translation>
    </message>
</context>
<context>
    <name>LiveWorkspace</name>
    <message>
        <location filename="../../workbench/ui/workspace/live_workspace.py" line="73" />
        <source>工作区已被其他程序整体更新（例如恢复了备份），已重新读取。</source>
        <translation>The workspace was replaced by another program (a backup restored, for example); everything was read again.</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/workspace/live_workspace.py" line="101" />
        <source>%1 在别处修改了 %2 等 %3 个条目，已刷新。</source>
        <translation>%1 changed %2 and other items (%3 in all) elsewhere; refreshed.</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/workspace/live_workspace.py" line="103" />
        <source>%1 在别处修改了 %2，已刷新。</source>
        <translation>%1 changed %2 elsewhere; refreshed.</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/workspace/live_workspace.py" line="105" />
        <source>%1 在别处修改了工作区，已刷新。</source>
        <translation>%1 changed the workspace elsewhere; refreshed.</translation>
    </message>
</context>
<context>
    <name>LockWaitDialog</name>
    <message>
        <location filename="../../workbench/ui/workspace/workspace_open.py" line="51" />
        <source>工作区被占用</source>
        <translation>Workspace in use</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/workspace/workspace_open.py" line="56" />
        <location filename="../../workbench/ui/workspace/workspace_open.py" line="95" />
        <source>另一个程序正在写入此工作区：
%1</source>
        <translation>Another program is writing to this workspace:
%1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/workspace/workspace_open.py" line="65" />
        <source>只读打开</source>
        <translation>Open read-only</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/workspace/workspace_open.py" line="79" />
        <source>正在等待它完成……还剩 %1 秒</source>
        <translation>Waiting for it to finish… %1 s left</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/workspace/workspace_open.py" line="81" />
        <source>仍被占用。可以只读打开，或取消后稍后再试。</source>
        <translation>Still in use. Open it read-only, or cancel and try again later.</translation>
    </message>
</context>
<context>
    <name>MainActions</name>
    <message>
        <location filename="../../workbench/ui/window/main_actions.py" line="80" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_actions.py" line="82" />
        <source>导入规划(&amp;I)…</source>
        <translation>&amp;Import plan…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_actions.py" line="83" />
        <source>导出(&amp;E)…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_actions.py" line="84" />
        <source>导出为 Excel：导出模块尚未安装</source>
        <translation>Export to Excel: the export module is not installed yet</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_actions.py" line="85" />
        <source>合并(&amp;M)…</source>
        <translation>&amp;Merge…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_actions.py" line="85" />
        <source>合并其他审核人的工作区：合并模块尚未安装</source>
        <translation>Merge another reviewer's workspace: the merge module is not installed yet</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_actions.py" line="87" />
        <source>设置(&amp;S)…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_actions.py" line="88" />
        <source>退出(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_actions.py" line="90" />
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_actions.py" line="91" />
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_actions.py" line="93" />
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_actions.py" line="101" />
        <source>移除所选单位</source>
        <translation>Remove selected department</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_actions.py" line="102" />
        <source>搜索(&amp;F)</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_actions.py" line="104" />
        <source>转到(&amp;G)</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_actions.py" line="105" />
        <source>下一条款</source>
        <translation>Next clause</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_actions.py" line="106" />
        <source>上一条款</source>
        <translation>Previous clause</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_actions.py" line="107" />
        <location filename="../../workbench/ui/window/main_actions.py" line="180" />
        <source>下一未标注条款</source>
        <translation>Next untagged clause</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_actions.py" line="109" />
        <source>下一句</source>
        <translation>Next sentence</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_actions.py" line="110" />
        <source>上一句</source>
        <translation>Previous sentence</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_actions.py" line="111" />
        <location filename="../../workbench/ui/window/main_actions.py" line="182" />
        <source>回到整段</source>
        <translation>Whole clause</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_actions.py" line="118" />
        <source>标注(&amp;T)</source>
        <translation>&amp;Tag</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_actions.py" line="119" />
        <source>选择单位…</source>
        <translation>Choose department…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_actions.py" line="120" />
        <source>采用第一个牵头建议</source>
        <translation>Take the first lead suggestion</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_actions.py" line="122" />
        <source>采用第一个配合建议</source>
        <translation>Add the first support suggestion</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_actions.py" line="124" />
        <source>标为已审 / 取消</source>
        <translation>Mark reviewed / unmark</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_actions.py" line="125" />
        <source>标为有疑问 / 取消</source>
        <translation>Mark questioned / unmark</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_actions.py" line="126" />
        <source>最近使用单位 → 牵头</source>
        <translation>Recent department → lead</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_actions.py" line="127" />
        <source>最近使用单位 → 配合</source>
        <translation>Recent department → support</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_actions.py" line="129" />
        <location filename="../../workbench/ui/window/main_actions.py" line="131" />
        <source>第 %1 个</source>
        <translation>No. %1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_actions.py" line="134" />
        <source>把所选单位固定到编号</source>
        <translation>Pin the selected department to a number</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_actions.py" line="136" />
        <source>第 %1 号</source>
        <translation>Number %1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_actions.py" line="139" />
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_actions.py" line="143" />
        <source>审计日志</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_actions.py" line="143" />
        <source>审计日志：审计模块尚未安装</source>
        <translation>Audit log: the audit module is not installed yet</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_actions.py" line="145" />
        <source>恢复默认布局</source>
        <translation>Restore default layout</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_actions.py" line="147" />
        <source>审核人(&amp;R)</source>
        <translation>&amp;Reviewer</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_actions.py" line="148" />
        <source>更改审核人…</source>
        <translation>Change reviewer…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_actions.py" line="150" />
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_actions.py" line="151" />
        <location filename="../../workbench/ui/window/main_actions.py" line="196" />
        <source>快捷键</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_actions.py" line="159" />
        <source>请先在标注区选择要固定编号的单位</source>
        <translation>First select the department to pin in the annotation pane</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_actions.py" line="179" />
        <source>下一条款 / 上一条款（阅读区中也可用 ↓ / ↑）</source>
        <translation>Next / previous clause (↓ / ↑ in the reader too)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_actions.py" line="181" />
        <source>下一句 / 上一句（只标注该句）</source>
        <translation>Next / previous sentence (tags go to that sentence)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_actions.py" line="183" />
        <source>把最近使用的第 n 个单位设为牵头</source>
        <translation>Assign the n-th recent department as lead</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_actions.py" line="184" />
        <source>把最近使用的第 n 个单位添加为配合（不改变牵头单位）</source>
        <translation>Add the department numbered n as support (never changes the lead)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_actions.py" line="185" />
        <source>把所选单位固定到第 n 号</source>
        <translation>Pin the selected department to number n</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_actions.py" line="186" />
        <source>采用第一个牵头建议 / 添加第一个配合建议</source>
        <translation>Take the first lead suggestion / add the first support suggestion</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_actions.py" line="187" />
        <source>单位选择框：输入、↓ 选择、Enter 牵头、Shift+Enter 配合</source>
        <translation>Department picker: type, ↓ to choose, Enter = lead, Shift+Enter = support</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_actions.py" line="188" />
        <source>已审 / 有疑问</source>
        <translation>Reviewed / questioned</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_actions.py" line="189" />
        <source>移除所选单位或指标</source>
        <translation>Remove the selected department or indicator</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_actions.py" line="190" />
        <source>撤销 / 重做</source>
        <translation>Undo / redo</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_actions.py" line="191" />
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_actions.py" line="192" />
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/background.py" line="77" />
        <location filename="../../workbench/ui/background.py" line="101" />
        <location filename="../../workbench/ui/background.py" line="112" />
        <location filename="../../workbench/ui/background.py" line="162" />
        <location filename="../../workbench/ui/window/main_actions.py" line="193" />
        <source>导入规划</source>
        <translation>Import plan</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/background.py" line="52" />
        <source>分词初始化失败：%1</source>
        <translation>Word segmentation failed to start: %1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/background.py" line="71" />
        <source>搜索索引未能建立：%1</source>
        <translation>Search index could not be built: %1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/background.py" line="84" />
        <location filename="../../workbench/ui/background.py" line="138" />
        <source>正在读取和解析 %1…</source>
        <translation>Reading and parsing %1…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/background.py" line="122" />
        <location filename="../../workbench/ui/background.py" line="142" />
        <source>解析完成，正在写入工作区…</source>
        <translation>Parsed; writing to the workspace…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/background.py" line="102" />
        <location filename="../../workbench/ui/background.py" line="114" />
        <location filename="../../workbench/ui/background.py" line="164" />
        <location filename="../../workbench/ui/background.py" line="175" />
        <source>导入失败</source>
        <translation>Import failed</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/background.py" line="77" />
        <location filename="../../workbench/ui/revision/wiring.py" line="95" />
        <source>规划文件 (*.txt *.docx *.pdf *.md);;所有文件 (*)</source>
        <translation>Plan documents (*.txt *.docx *.pdf *.md);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/background.py" line="183" />
        <source>该规划已在工作区中，未作改动</source>
        <translation>This plan is already in the workspace; nothing changed</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/background.py" line="185" />
        <source>已导入：%1</source>
        <translation>Imported: %1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/background.py" line="101" />
        <location filename="../../workbench/ui/background.py" line="112" />
        <location filename="../../workbench/ui/background.py" line="162" />
        <source>正在导入 %1…</source>
        <translation>Importing %1…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../workbench/ui/window/main_window.py" line="97" />
        <source>规划结构</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_window.py" line="98" />
        <source>标注</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_window.py" line="99" />
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_window.py" line="100" />
        <source>指标</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_window.py" line="101" />
        <source>统计图</source>
        <translation>Charts</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_window.py" line="241" />
        <source>已经是最后一条</source>
        <translation>This is the last clause</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_window.py" line="241" />
        <source>已经是第一条</source>
        <translation>This is the first clause</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_window.py" line="251" />
        <source>所有条款都已标注</source>
        <translation>Every clause is tagged</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_window.py" line="307" />
        <source>请先在标注区选择要移除的单位</source>
        <translation>Select the department to remove in the tag pane first</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_window.py" line="321" />
        <source>未保存：%1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_window.py" line="326" />
        <source>撤销失败</source>
        <translation>Undo failed</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_window.py" line="326" />
        <source>撤销或重做未能写入工作区，撤销记录已清空；已保存的标注不受影响。
%1</source>
        <translation>An undo or redo could not be written to the workspace; the undo history was cleared. Saved tags are not affected.
%1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_window.py" line="330" />
        <source>规划纲要任务分工审核工作台</source>
        <translation>Policy review workbench</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/main_window.py" line="347" />
        <source>审计日志</source>
        <translation>Audit log</translation>
    </message>
</context>
<context>
    <name>NoteKeeper</name>
    <message>
        <location filename="../../workbench/ui/notes/keeper.py" line="93" />
        <source>上次未能保存，已从本机草稿恢复</source>
        <translation>not saved last time; restored from the local draft</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/notes/keeper.py" line="182" />
        <source>此条备注已被他人修改，请核对后离开编辑框再保存</source>
        <translation>someone else changed this note meanwhile; check it, then leave the box to save yours</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/notes/keeper.py" line="208" />
        <source>草稿已保存在本机，将自动重试。</source>
        <translation>A draft is kept on this computer; saving will be retried.</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/notes/keeper.py" line="209" />
        <source>本机草稿也未能保存，请勿关闭程序。</source>
        <translation>The local draft could not be written either; do not close the program.</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/notes/keeper.py" line="210" />
        <source>● 备注未保存：%1。</source>
        <translation>● Note not saved: %1. </translation>
    </message>
    <message>
        <location filename="../../workbench/ui/notes/keeper.py" line="215" />
        <source>备注未保存</source>
        <translation>Note not saved</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/notes/keeper.py" line="216" />
        <source>备注未能保存：%1
草稿已保存在本机，离开后仍会自动重试，回到此条目时会重新显示。是否离开？</source>
        <translation>The note could not be saved: %1
A draft is kept on this computer; saving is retried after you leave, and the text comes back when you return to this item. Leave?</translation>
    </message>
</context>
<context>
    <name>PlanTreeModel</name>
    <message>
        <location filename="../../workbench/ui/tree/plan_tree_model.py" line="210" />
        <source>条目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/tree/plan_tree_model.py" line="210" />
        <source>标注</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/tree/plan_tree_model.py" line="271" />
        <source>继承</source>
        <translation>inherited</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/tree/plan_tree_model.py" line="292" />
        <source>（按句标注）</source>
        <translation>(tagged by sentence)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/tree/plan_tree_model.py" line="294" />
        <source>牵头：</source>
        <translation>Lead: </translation>
    </message>
    <message>
        <location filename="../../workbench/ui/tree/plan_tree_model.py" line="296" />
        <source>配合：</source>
        <translation>Support: </translation>
    </message>
    <message>
        <location filename="../../workbench/ui/tree/plan_tree_model.py" line="300" />
        <source>继承自 %1：%2</source>
        <translation>Inherited from %1: %2</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/tree/plan_tree_model.py" line="302" />
        <source>未标注</source>
        <translation>Untagged</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/tree/plan_tree_model.py" line="304" />
        <source>有疑问</source>
        <translation>Questioned</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/tree/plan_tree_model.py" line="308" />
        <source>%1/%2 条已有牵头单位</source>
        <translation>%1 of %2 clauses have a lead</translation>
    </message>
</context>
<context>
    <name>PreviewTreeModel</name>
    <message>
        <location filename="../../workbench/ui/import_preview/tree_model.py" line="22" />
        <source>规划</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/tree_model.py" line="22" />
        <source>篇</source>
        <translation>Part</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/tree_model.py" line="23" />
        <source>章</source>
        <translation>Chapter</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/tree_model.py" line="23" />
        <source>节</source>
        <translation>Section</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/tree_model.py" line="24" />
        <source>段</source>
        <translation>Clause</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/tree_model.py" line="24" />
        <source>专栏</source>
        <translation>Box</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/tree_model.py" line="25" />
        <source>专栏条目</source>
        <translation>Box item</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/tree_model.py" line="25" />
        <source>指标表</source>
        <translation>Indicator table</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/tree_model.py" line="95" />
        <source>条目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/tree_model.py" line="95" />
        <source>层级</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/import_preview/tree_model.py" line="95" />
        <source>原文行</source>
        <translation>Source lines</translation>
    </message>
</context>
<context>
    <name>Reader</name>
    <message>
        <location filename="../../workbench/ui/window/reader.py" line="171" />
        <source>在左侧选择一个条目。</source>
        <translation>Choose an item on the left.</translation>
    </message>
</context>
<context>
    <name>ReviewerDialog</name>
    <message>
        <location filename="../../workbench/ui/workspace/reviewer_dialog.py" line="39" />
        <source>审核人</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/workspace/reviewer_dialog.py" line="42" />
        <source>首次使用，请填写您的姓名和单位。每一项标注都会记录审核人。</source>
        <translation>First start: please enter your name and unit. Every tag records who made it.</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/workspace/reviewer_dialog.py" line="43" />
        <source>修改审核人。之后的每一项标注都会记录新的审核人。</source>
        <translation>Change the reviewer. Tags from now on record the new reviewer.</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/workspace/reviewer_dialog.py" line="48" />
        <source>例如：张三</source>
        <translation>e.g. Zhang San</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/workspace/reviewer_dialog.py" line="51" />
        <source>例如：市发展改革委规划处</source>
        <translation>e.g. Planning Division, Municipal DRC</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/workspace/reviewer_dialog.py" line="53" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/workspace/reviewer_dialog.py" line="54" />
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/workspace/reviewer_dialog.py" line="60" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/workspace/reviewer_dialog.py" line="67" />
        <source>必须填写姓名才能开始：每一项标注都会记录是谁做的。不想填写可以点“退出”。</source>
        <translation>A name is required to start: every tag records who made it. Choose Quit if you do not want to give one.</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../workbench/ui/search/search_panel.py" line="74" />
        <source>搜索全部规划（如 港口、财政；空格分隔多个词）</source>
        <translation>Search all plans (e.g. 港口, 财政; separate words with spaces)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/search/search_panel.py" line="144" />
        <source>%1 条结果（%2 毫秒）</source>
        <translation>%1 results (%2 ms)</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../workbench/ui/session.py" line="326" />
        <source>工作区正被 %1 占用，请稍后再试</source>
        <translation>The workspace is in use by %1; try again later</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/session.py" line="326" />
        <source>其他程序</source>
        <translation>another program</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/session.py" line="329" />
        <source>工作区为只读（%1）</source>
        <translation>The workspace is read-only (%1)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/session.py" line="331" />
        <source>磁盘已满（%1）</source>
        <translation>The disk is full (%1)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../workbench/ui/workspace/settings_dialog.py" line="15" />
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/workspace/settings_dialog.py" line="21" />
        <source>界面语言在重新启动后生效。</source>
        <translation>The interface language changes at the next start.</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/workspace/settings_dialog.py" line="24" />
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../workbench/ui/window/status_bar.py" line="37" />
        <source>审核人：未设置</source>
        <translation>Reviewer: not set</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/status_bar.py" line="40" />
        <source>审核人：%1</source>
        <translation>Reviewer: %1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/status_bar.py" line="46" />
        <source>条款 %1 · 有牵头 %2 · 已审 %3 · 有疑问 %4</source>
        <translation>Clauses %1 · with lead %2 · reviewed %3 · questioned %4</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/status_bar.py" line="52" />
        <source>分词：就绪</source>
        <translation>Segmenter: ready</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/status_bar.py" line="52" />
        <source>分词：加载中…</source>
        <translation>Segmenter: loading…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/status_bar.py" line="55" />
        <source>搜索索引：就绪</source>
        <translation>Search index: ready</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/status_bar.py" line="55" />
        <source>搜索索引：建立中…</source>
        <translation>Search index: building…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/window/status_bar.py" line="59" />
        <source>可撤销：%1</source>
        <translation>Undo: %1</translation>
    </message>
</context>
<context>
    <name>SuggestionPanel</name>
    <message>
        <location filename="../../workbench/ui/tagging/suggestion_panel.py" line="38" />
        <source>正文</source>
        <translation>text</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/tagging/suggestion_panel.py" line="39" />
        <source>首句</source>
        <translation>first sentence</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/tagging/suggestion_panel.py" line="40" />
        <source>节标题</source>
        <translation>section title</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/tagging/suggestion_panel.py" line="41" />
        <source>章标题</source>
        <translation>chapter title</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/tagging/suggestion_panel.py" line="50" />
        <source>点名「%1」</source>
        <translation>names “%1”</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/tagging/suggestion_panel.py" line="125" />
        <source>建议：（正在加载分词词典…）</source>
        <translation>Suggestions: (loading the word dictionary…)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/tagging/suggestion_panel.py" line="133" />
        <source>牵头建议（S；点击＝牵头）：</source>
        <translation>Lead suggestions (S; click = lead): </translation>
    </message>
    <message>
        <location filename="../../workbench/ui/tagging/suggestion_panel.py" line="134" />
        <source>配合建议（Shift+S；点击＝添加配合）：</source>
        <translation>Support suggestions (Shift+S; click = add as support): </translation>
    </message>
    <message>
        <location filename="../../workbench/ui/tagging/suggestion_panel.py" line="138" />
        <location filename="../../workbench/ui/tagging/suggestion_panel.py" line="141" />
        <location filename="../../workbench/ui/tagging/suggestion_panel.py" line="154" />
        <source>%1 的依据：</source>
        <translation>Why %1: </translation>
    </message>
    <message>
        <location filename="../../workbench/ui/tagging/suggestion_panel.py" line="151" />
        <source>指标建议（点击＝关联）：</source>
        <translation>Indicator suggestions (click = link): </translation>
    </message>
    <message>
        <location filename="../../workbench/ui/tagging/suggestion_panel.py" line="180" />
        <source>没有牵头建议</source>
        <translation>No lead suggestion</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/tagging/suggestion_panel.py" line="188" />
        <source>没有配合建议</source>
        <translation>No support suggestion</translation>
    </message>
</context>
<context>
    <name>TreePanel</name>
    <message>
        <location filename="../../workbench/ui/tree/tree_panel.py" line="28" />
        <source>筛选：标题或正文包含…</source>
        <translation>Filter: title or text contains…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/tree/tree_panel.py" line="30" />
        <source>仅未标注</source>
        <translation>Untagged only</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/tree/tree_panel.py" line="32" />
        <source>只显示尚无单位（自身、句子或上级均无）的条款</source>
        <translation>Show only clauses without departments (none of their own, on sentences or inherited)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/tree/tree_panel.py" line="85" />
        <source>全部单位</source>
        <translation>All departments</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/tree/tree_panel.py" line="88" />
        <source>全部指标</source>
        <translation>All indicators</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/tree/tree_panel.py" line="89" />
        <source>全部章</source>
        <translation>All chapters</translation>
    </message>
</context>
<context>
    <name>Workers</name>
    <message>
        <location filename="../../workbench/ui/workers.py" line="144" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>WorkspaceOpen</name>
    <message>
        <location filename="../../workbench/ui/workspace/workspace_open.py" line="115" />
        <source>工作区已损坏</source>
        <translation>Workspace damaged</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/workspace/workspace_open.py" line="118" />
        <source>%1

在 %2 中没有找到完好的备份。</source>
        <translation>%1

No good backup was found in %2.</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/workspace/workspace_open.py" line="121" />
        <source>%1

最新的完好备份：%2，%3，%4 条记录。
恢复这份备份吗？损坏的文件会原样保留在备份文件夹中。</source>
        <translation>%1

The newest good backup: %2, %3, %4 events.
Restore it? The damaged file is kept as it is in the backups folder.</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/workspace/workspace_open.py" line="126" />
        <source>恢复此备份</source>
        <translation>Restore this backup</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/workspace/workspace_open.py" line="127" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/workspace/workspace_open.py" line="134" />
        <source>未能恢复：%1</source>
        <translation>Could not restore: %1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/workspace/workspace_open.py" line="141" />
        <source>无法打开工作区</source>
        <translation>Cannot open the workspace</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/workspace/workspace_open.py" line="154" />
        <source>另一个程序正在写入，已只读打开</source>
        <translation>another program is writing; opened read-only</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/workspace/workspace_open.py" line="173" />
        <source>无法写入（磁盘已满或出错：%1），已只读打开</source>
        <translation>cannot write (the disk is full or failing: %1); opened read-only</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/workspace/workspace_open.py" line="183" />
        <source>%1 位于只读介质上</source>
        <translation>%1 is on a read-only medium</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/workspace/workspace_open.py" line="185" />
        <source>%1 是只读文件</source>
        <translation>%1 is a read-only file</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/workspace/workspace_open.py" line="187" />
        <source>%1 所在的文件夹不可写入</source>
        <translation>the folder of %1 cannot be written</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/workspace/workspace_open.py" line="194" />
        <source>只读：%1。可以浏览、搜索和导出，不能修改。</source>
        <translation>Read-only: %1. You can browse, search and export, but not change anything.</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/workspace/workspace_open.py" line="198" />
        <source>只读</source>
        <translation>Read-only</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/workspace/workspace_open.py" line="241" />
        <source>意外错误</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/workspace/workspace_open.py" line="242" />
        <source>发生了意外错误：%1
已保存的工作不受影响；详情已记录在 %2。</source>
        <translation>An unexpected error occurred: %1
Saved work is not affected; details were written to %2.</translation>
    </message>
</context>
</TS>