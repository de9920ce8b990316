"""English for the UI's Simplified Chinese source strings (used by update_translations.py)."""

EN = {
    # menus and actions
    "文件(&F)": "&File", "导入规划(&I)…": "&Import plan…", "导出(&E)…": "&Export…",
    "导出为 Excel：导出模块尚未安装": "Export to Excel: the export module is not installed yet",
    "合并(&M)…": "&Merge…", "合并其他审核人的工作区：合并模块尚未安装": "Merge another reviewer's workspace: the merge module is not installed yet",
    "设置(&S)…": "&Settings…", "退出(&Q)": "&Quit", "编辑(&E)": "&Edit", "撤销": "Undo", "重做": "Redo",
    "移除所选单位": "Remove selected department", "搜索(&F)": "&Find", "转到(&G)": "&Go",
    "下一条款": "Next clause", "上一条款": "Previous clause", "下一未标注条款": "Next untagged clause",
    "下一句": "Next sentence", "上一句": "Previous sentence", "回到整段": "Whole clause",
    "标注(&T)": "&Tag", "选择单位…": "Choose department…", "标为已审 / 取消": "Mark reviewed / unmark",
    "标为有疑问 / 取消": "Mark questioned / unmark", "最近使用单位 → 牵头": "Recent department → lead",
    "最近使用单位 → 配合": "Recent department → support", "第 %1 个": "No. %1", "视图(&V)": "&View",
    "审计日志": "Audit log", "审计日志：审计模块尚未安装": "Audit log: the audit module is not installed yet",
    "恢复默认布局": "Restore default layout", "审核人(&R)": "&Reviewer", "更改审核人…": "Change reviewer…",
    "帮助(&H)": "&Help", "快捷键": "Keyboard shortcuts",
    "下一条款 / 上一条款（阅读区中也可用 ↓ / ↑）": "Next / previous clause (↓ / ↑ in the reader too)",
    "下一句 / 上一句（只标注该句）": "Next / previous sentence (tags go to that sentence)",
    "把最近使用的第 n 个单位设为牵头": "Assign the n-th recent department as lead",
    "把最近使用的第 n 个单位设为配合": "Assign the n-th recent department as support",
    "单位选择框：输入、↓ 选择、Enter 牵头、Shift+Enter 配合": "Department picker: type, ↓ to choose, Enter = lead, Shift+Enter = support",
    "已审 / 有疑问": "Reviewed / questioned", "移除所选单位或指标": "Remove the selected department or indicator",
    "撤销 / 重做": "Undo / redo", "搜索": "Search", "导出": "Export", "导入规划": "Import plan",
    "分词初始化失败：%1": "Word segmentation failed to start: %1", "搜索索引未能建立：%1": "Search index could not be built: %1",
    "导入失败": "Import failed", "该规划已在工作区中，未作改动": "This plan is already in the workspace; nothing changed",
    "已导入：%1": "Imported: %1", "正在导入 %1…": "Importing %1…", "正在读取和解析 %1…": "Reading and parsing %1…",
    "解析完成，正在写入工作区…": "Parsed; writing to the workspace…", "规划文件 (*.txt *.docx *.md);;所有文件 (*)": "Plan documents (*.txt *.docx *.md);;All files (*)",
    # annotation pane
    "标注整段而不是所选句子（Esc）": "Tag the whole clause, not the selected sentence (Esc)",
    "责任单位（牵头在前，配合在后）": "Departments (leads first, then support)", "上移": "Up", "下移": "Down",
    "牵头/配合": "Lead/support", "切换所选单位的角色": "Switch the selected department's role", "移除": "Remove",
    "移除所选单位（Delete）": "Remove the selected department (Delete)", "关联指标": "Linked indicators",
    "取消关联": "Unlink", "审核": "Review", "未审": "Unreviewed", "已审": "Reviewed", "有疑问": "Questioned",
    "未设定": "Not set", "年内完成": "Within the year", "持续推进": "Ongoing", "%1年": "%1",
    "备注（停顿片刻或离开编辑框时自动保存）": "Note (saved after a pause or when you leave the field)",
    "状态": "Status", "完成时限": "Completion", "备注": "Note", "未选择条目": "Nothing selected",
    "标注对象：%1 的第 %2 句": "Tagging: sentence %2 of %1", "标注对象：": "Tagging: ",
    "本条未单独标注，继承自：%1": "No tags of its own; inherits from: %1",
    "另有 %1 项按句标注（在阅读区点击句子查看）": "%1 more tags on its sentences (click a sentence in the reader)",
    "最近使用（数字键＝牵头，Shift+数字＝配合）：": "Recent (number = lead, Shift+number = support): ",
    "（尚无）": "(none yet)", "建议：（正在加载分词词典…）": "Suggestions: (loading the word dictionary…)",
    "建议（点击＝牵头，Shift+点击＝配合）：": "Suggestions (click = lead, Shift+click = support): ",
    "请先选择一个条目": "Select an item first", "最近使用列表中没有第 %1 个单位": "There is no department %1 in the recent list",
    "无法打开工作区": "Cannot open the workspace", "牵头": "Lead", "配合": "Support", "（已撤销）": " (retired)",
    # charts
    "有牵头": "Lead", "继承牵头": "Inherited lead", "仅配合": "Support only", "未标注": "Untagged",
    "尚无单位标注": "No departments assigned yet", "没有章": "No chapters", "各章覆盖": "Coverage by chapter",
    "单位负荷": "Department load",
    # commands
    "指定牵头单位 %1": "Assign lead %1", "添加配合单位 %1": "Add support %1", "移除单位 %1": "Remove %1",
    "调整单位顺序 %1": "Reorder %1", "设为牵头 %1": "Make %1 lead", "设为配合 %1": "Make %1 support",
    "关联指标 %1": "Link indicator %1", "取消关联指标 %1": "Unlink indicator %1", "编辑备注": "Edit note",
    "设置审核状态": "Set review status", "设置完成时限": "Set completion",
    # picker
    "单位名称或简称，如 教委": "Department name or short name, e.g. 教委",
    "添加为牵头单位（Enter）": "Add as lead (Enter)", "添加为配合单位（Shift+Enter）": "Add as support (Shift+Enter)",
    "又称 ": "also ", "编号": "No.", "指标": "Indicator", "单位": "Unit", "2025年": "2025", "2030年": "2030",
    "属性": "Type", "选择或输入指标名称": "Choose or type an indicator", "关联": "Link",
    "把所选指标关联到当前条目": "Link the chosen indicator to the current item", "责任单位": "Departments",
    "关联条目": "Linked items", "（牵头）": " (lead)", "类别": "Category",
    # main window
    "MainWindow|指标": "Indicators", "MainWindow|标注": "Tags",
    "规划结构": "Plan", "标注": "Tags", "统计图": "Charts", "已经是最后一条": "This is the last clause",
    "已经是第一条": "This is the first clause", "所有条款都已标注": "Every clause is tagged",
    "请先在标注区选择要移除的单位": "Select the department to remove in the tag pane first", "未保存：%1": "Not saved: %1",
    "撤销失败": "Undo failed",
    "撤销或重做未能写入工作区，撤销记录已清空；已保存的标注不受影响。\n%1": "An undo or redo could not be written to the workspace; the undo history was cleared. Saved tags are not affected.\n%1",
    "规划纲要任务分工审核工作台": "Policy review workbench",
    # tree
    "条目": "Item", "继承": "inherited", "（按句标注）": "(tagged by sentence)", "牵头：": "Lead: ", "配合：": "Support: ",
    "继承自 %1：%2": "Inherited from %1: %2", "%1/%2 条已有牵头单位": "%1 of %2 clauses have a lead",
    # reviewer, settings, search, status, filters, workers
    "审核人": "Reviewer", "首次使用，请填写您的姓名和单位。每一项标注都会记录审核人。": "First start: please enter your name and unit. Every tag records who made it.",
    "修改审核人。之后的每一项标注都会记录新的审核人。": "Change the reviewer. Tags from now on record the new reviewer.",
    "例如：张三": "e.g. Zhang San", "例如：市发展改革委规划处": "e.g. Planning Division, Municipal DRC", "姓名": "Name",
    "设置": "Settings", "界面语言在重新启动后生效。": "The interface language changes at the next start.", "界面语言": "Interface language",
    "搜索全部规划（如 港口、财政；空格分隔多个词）": "Search all plans (e.g. 港口, 财政; separate words with spaces)",
    "%1 条结果（%2 毫秒）": "%1 results (%2 ms)", "审核人：未设置": "Reviewer: not set", "审核人：%1": "Reviewer: %1",
    "条款 %1 · 有牵头 %2 · 已审 %3 · 有疑问 %4": "Clauses %1 · with lead %2 · reviewed %3 · questioned %4",
    "分词：就绪": "Segmenter: ready", "分词：加载中…": "Segmenter: loading…", "搜索索引：就绪": "Search index: ready",
    "搜索索引：建立中…": "Search index: building…", "可撤销：%1": "Undo: %1", "筛选：标题或正文包含…": "Filter: title or text contains…",
    "仅未标注": "Untagged only", "只显示尚无单位（自身、句子或上级均无）的条款": "Show only clauses without departments (none of their own, on sentences or inherited)",
    "全部单位": "All departments", "全部指标": "All indicators", "全部章": "All chapters", "取消": "Cancel",
    "在左侧选择一个条目。": "Choose an item on the left.",
}  # fmt: skip

# Export, division import, merge and audit (integrations, dialogs and docks).
EN.update({
    "合并冲突": "Merge conflicts", "审核一致性": "Reviewer agreement", "本条修改记录": "History of this item",
    "导入任务分工表(&D)…": "Import &division sheet…", "导出 Excel": "Export to Excel",
    "工作区中还没有规划。": "The workspace holds no plan yet.", "已导出：": "Exported: ",
    "导入任务分工表": "Import division sheet", "Excel 工作簿 (*.xlsx)": "Excel workbook (*.xlsx)",
    "分发副本(&H)…": "&Hand out a copy…", "为另一位审核人写出本工作区的副本": "Write a copy of this workspace for another reviewer",
    "分发副本": "Hand out a copy",
    "您的签名密钥受口令保护，请输入口令：": "Your signing key is protected by a passphrase. Enter it:",
    "签名密钥口令": "Signing key passphrase", "口令不正确，请重新输入：": "Wrong passphrase. Try again:",
    "为另一位审核人写出本工作区的副本。对方在副本中工作后交回，用“合并”导入。": "Write a copy of this workspace for another reviewer. They work in the copy and send it back; bring their work in with Merge.",
    "审核人姓名，如 李四": "The reviewer's name, e.g. 李四", "交给：": "For:", "副本文件：": "Copy file:",
    "副本文件": "Copy file", "工作区 (*.sqlite)": "Workspaces (*.sqlite)", "已为 {name} 写出副本：{path}": "Wrote a copy for {name}: {path}",
    "已应用 {n} 条修改": "Applied {n} change(s)", "合并其他审核人的工作区": "Merge another reviewer's workspace",
    "工作区 (*.sqlite *.db);;所有文件 (*)": "Workspace (*.sqlite *.db);;All files (*)", "无法合并": "Cannot merge", "正在合并 {name}…": "Merging {name}…",
    "无法写入（{reason}），本工作区未作任何改动。": "Could not write ({reason}); this workspace was not changed.",
    "合并了 {n} 条记录；待处理冲突 {c} 个。": "Merged {n} event(s); {c} conflict(s) to resolve.",
    "该工作区的记录已全部在本工作区中，没有变化。": "This workspace already holds all of that workspace's events; nothing changed.",
    "合并完成": "Merge finished", "范围": "Scope", "条目数": "Items", "被定为牵头次数": "Times chosen as lead",
    "一致率": "Agreement", "导出 Excel…": "Export to Excel…",
    "至少需要两位审核人的分工才能计算一致性。": "Agreement needs the assignments of at least two reviewers.",
    "正在计算一致性…": "Computing agreement…",
    "审核人：%1；共同审核的条目：%2": "Reviewers: %1; items both reviewed: %2",
    "导出一致性统计": "Export agreement statistics", "自": "From", "至": "To",
    "部门名称或别名": "Department name or alias", "节点编号，如 ch03/s01": "Node id, e.g. ch03/s01", "全部": "All",
    "对象": "Target", "分歧": "Disagreement", "A 方": "Side A", "B 方（当前显示）": "Side B (shown now)",
    "说明": "Notes", "裁决理由（可选）": "Reason for the decision (optional)", "采用 A 方": "Take side A",
    "采用 B 方": "Take side B", "无法裁决": "Cannot resolve",
    "{file}：读取 {rows} 行，{n} 个条目将发生变化。": "{file}: {rows} rows read, {n} item(s) would change.",
    "无相近名称": "no similar name", "未知部门“{name}”，是否指：{hint}": "Unknown department “{name}”; did you mean: {hint}",
    "第 {row} 行：未知节点编号 {key}": "Row {row}: unknown node id {key}",
    "{file}：读取 {rows} 行，{n} 处修改将应用。": "{file}: {rows} rows read, {n} change(s) will be applied.",
    "以下差异不会应用（原因见各行）：": "These differences will not be applied (the reason is on each line):",
    "打印版式（任务分工方案）": "Print layout (task division plan)", "A4 横向": "A4 landscape",
    "A3 横向": "A3 landscape", "全文连续编号": "Numbered through the plan", "每章重新编号": "Numbering restarts per chapter",
    "如“附件”或“附件2”，不填则不印": "e.g. 附件 or 附件2; leave empty to print none",
    "同时生成 Word 版方案（.docx，与工作簿同名）": "Also write the plan as Word (.docx, same name as the workbook)",
    "纸张：": "Paper:", "序号：": "Numbering:", "附件标注：": "Attachment line:",
    "公开备注": "Public remark", "编辑公开备注": "Edit public remark",
    "印入任务分工方案“备注”栏，发给各部门（上面的备注只留在工作区）":
        "Printed in the 备注 column of the task division plan sent to departments (the note above stays in the workspace)",
    "以下问题须在表格中改正后重新导入（不会自动新建部门）：": "Correct these in the sheet and import it again (departments are never created by an import):",
    "修改记为（审核人）：": "Record the changes as (reviewer):", "单位：": "Unit:", "应用修改": "Apply changes",
    "请填写审核人姓名。": "Please enter the reviewer's name.", "时间": "Time", "操作": "Action", "部门": "Department",
    "修改前": "Before", "修改后": "After", "理由": "Reason", "规划：": "Plan:", "导出内容": "What to export",
    "一个工作簿，包含所选工作表": "One workbook with the chosen sheets",
    "每个部门一个工作簿（发给各部门联络员）": "One workbook per department (for the departments' liaisons)",
    "范围（章）": "Scope (chapters)", "全选": "Select all", "全不选": "Select none", "浏览…": "Browse…",
    "保存到：": "Save to:", "导出到": "Export to", "导出到文件夹": "Export into folder", "未选择节点": "No item selected",
    "表格与工作区一致，没有需要应用的修改。": "The sheet matches the workspace; there is nothing to apply.",
    "导出失败": "Export failed", "正在导出…": "Exporting…", "导出": "Export",
})
EN.update({
    "新增部门": "Add department", "简称，如 市数据局": "Short name, e.g. 市数据局",
    "曾用名或俗称，以顿号分隔": "Former or colloquial names, separated by 、", "简称：": "Short name:",
    "全称：": "Full name:", "类别：": "Kind:", "别名：": "Aliases:", "部门名录": "Department registry",
    "简称": "Short name", "全称": "Full name", "别名": "Aliases", "新增…": "Add…", "改名…": "Rename…",
    "恢复": "Restore", "关闭": "Close", "已撤销": "Retired", "名称待核实": "Name unconfirmed", "改名": "Rename",
    "新名称（原名称将作为别名保留）：": "New name (the old name is kept as an alias):",
    "部门名录(&G)…": "Department re&gistry…",
})
EN.update({"DepartmentsDialog|撤销": "Retire", "DepartmentsDialog|状态": "Status", "DepartmentsDialog|类别": "Kind"})
EN.update({"修改记录": "History"})
EN.update({"部门（工作簿只含涉及所选部门的任务；或为所选部门各出一个工作簿）：":
           "Departments (the workbook holds only tasks involving these; or one workbook for each):"})
# first-start reviewer dialog (issue 8)
EN.update({"退出": "Quit",
           "必须填写姓名才能开始：每一项标注都会记录是谁做的。不想填写可以点“退出”。":
           "A name is required to start: every tag records who made it. Choose Quit if you do not want to give one."})
# import preview (issue 9)
EN.update({
    "导入预览：%1": "Import preview: %1", "原文": "Source", "识别出的结构": "Structure found",
    "设为篇标题": "Make part heading", "设为章标题": "Make chapter heading", "设为节标题": "Make section heading",
    "设为正文": "Make body text", "在光标处分段": "Split at cursor", "并入上一段": "Join to previous",
    "至此为前置内容": "Front matter ends here", "所选行是目录": "Selected lines are contents",
    "提示与跳过的行（单击定位到原文）": "Warnings and skipped lines (click to find the line)",
    "已做的更正": "Corrections made", "删除所选更正": "Remove selected correction", "确认导入": "Import",
    "无法导入：%1": "Cannot import: %1",
    "《%1》：%2 篇，%3 章，%4 节，%5 段，%6 个专栏（%7 条），%8 项指标（另 %9 个分项）":
        "%1: %2 parts, %3 chapters, %4 sections, %5 clauses, %6 boxes (%7 items), %8 indicators (+%9 sub-rows)",
    "；编号方式：%1": "; numbering: %1",
    "；原文 %1 字全部在结构中，%2 字按目录、页眉页脚跳过":
        "; all %1 characters of the source are in the structure, %2 skipped as contents or page furniture",
    "丢失文字：第 %1 行": "Text lost: line %1", "提示：%1": "Warning: %1", "目录": "contents",
    "页码或页眉": "page number or running header", "页眉页脚": "page header or footer",
    "跳过第 %1 行（%2）：%3": "Skipped line %1 (%2): %3",
    "ImportPreviewDialog|篇": "part", "ImportPreviewDialog|章": "chapter", "ImportPreviewDialog|节": "section",
    "第 %1 行：设为%2标题": "Line %1: %2 heading", "第 %1 行：在第 %2 字处分段": "Line %1: split at character %2",
    "第 %1–%2 行：目录": "Lines %1–%2: contents", "第 %1 行：%2": "Line %1: %2", "第 %1 行": "Line %1",
    "规划文件 (*.txt *.docx *.pdf *.md);;所有文件 (*)": "Plan documents (*.txt *.docx *.pdf *.md);;All files (*)",
    "PreviewTreeModel|规划": "Plan", "PreviewTreeModel|篇": "Part", "PreviewTreeModel|章": "Chapter",
    "PreviewTreeModel|节": "Section", "PreviewTreeModel|段": "Clause", "PreviewTreeModel|专栏": "Box",
    "PreviewTreeModel|专栏条目": "Box item", "PreviewTreeModel|指标表": "Indicator table",
    "PreviewTreeModel|条目": "Item", "层级": "Level", "原文行": "Source lines",
})
EN.update({  # issue 11: backups
    "合并 %1 之前": "Before merging %1", "导入规划 %1 之前": "Before importing plan %1",
    "导入任务分工表 %1 之前": "Before importing division sheet %1", "恢复备份 %1 之前": "Before restoring %1",
    "每日备份": "Daily copy", "打开时的备份（旧版本）": "On opening (older version)",
    "损坏的工作区（原样保留）": "The damaged workspace, kept as it was", "备份与恢复": "Backups and restore",
    "工作区的备份保存在 %1。合并、导入规划或任务分工表、恢复之前各留一份，另每天一份（保留一周）。":
        "Backups of the workspace are kept in %1: one before each merge, plan or division-sheet import and "
        "restore, and one a day (kept for a week).",
    "时间": "Time", "备份于": "Taken", "记录数": "Events", "大小": "Size", "恢复所选备份…": "Restore selected copy…",
    "将工作区恢复到 %1 的备份（%2，%3 条记录）？\n当前内容会先另存为一份备份，可随时再恢复。":
        "Restore the workspace to the copy of %1 (%2, %3 events)?\nThe current content is kept as a backup first "
        "and can be restored again at any time.",
    "未能恢复：%1": "Could not restore: %1", "备份与恢复(&B)…": "&Backups and restore…",
    "已恢复备份；恢复前的内容已另存为备份。": "Backup restored; the previous content was kept as a backup.",
    "今日备份未能完成：%1": "Today's backup could not be taken: %1",
    "无法在导入前备份工作区，未作修改：%1": "Could not back up the workspace before the import; nothing was changed: %1",
})
EN.update({  # issue 11: safe undo
    "Commands|撤销": "undo", "Commands|重做": "redo",
    "无法%1「%2」：%3 已被他人修改。此步已从撤销记录中移除。":
        "Cannot %1 \u201c%2\u201d: %3 was changed by someone else. The step was removed from the undo history.",
    "无法%1「%2」：%3 已于 %4 被 %5 修改（%6）。为免覆盖其修改，此步已从撤销记录中移除。":
        "Cannot %1 \u201c%2\u201d: %3 was changed at %4 by %5 (%6). So as not to overwrite that change, the step "
        "was removed from the undo history.",
})
EN.update({  # issue 11: live workspace
    "工作区已被其他程序整体更新（例如恢复了备份），已重新读取。":
        "The workspace was replaced by another program (a backup restored, for example); everything was read again.",
    "%1 在别处修改了 %2 等 %3 个条目，已刷新。": "%1 changed %2 and other items (%3 in all) elsewhere; refreshed.",
    "%1 在别处修改了 %2，已刷新。": "%1 changed %2 elsewhere; refreshed.",
    "%1 在别处修改了工作区，已刷新。": "%1 changed the workspace elsewhere; refreshed.",
})
EN.update({  # issue 11: notes that survive failures
    "备注（离开编辑框或停顿较久时保存；Esc 返回目录）": "Note (saved when you leave the box or pause a while; Esc returns to the outline)",
    "上次未能保存，已从本机草稿恢复": "not saved last time; restored from the local draft",
    "草稿已保存在本机，将自动重试。": "A draft is kept on this computer; saving will be retried.",
    "本机草稿也未能保存，请勿关闭程序。": "The local draft could not be written either; do not close the program.",
    "● 备注未保存：%1。": "● Note not saved: %1. ", "备注未保存": "Note not saved",
    "备注未能保存：%1\n草稿已保存在本机，离开后仍会自动重试，回到此条目时会重新显示。是否离开？":
        "The note could not be saved: %1\nA draft is kept on this computer; saving is retried after you leave, and "
        "the text comes back when you return to this item. Leave?",
})
EN.update({  # issue 11: opening a workspace when the machine misbehaves
    "工作区被占用": "Workspace in use", "另一个程序正在写入此工作区：\n%1": "Another program is writing to this workspace:\n%1",
    "只读打开": "Open read-only", "正在等待它完成……还剩 %1 秒": "Waiting for it to finish… %1 s left",
    "仍被占用。可以只读打开，或取消后稍后再试。": "Still in use. Open it read-only, or cancel and try again later.",
    "工作区已损坏": "Workspace damaged", "%1\n\n在 %2 中没有找到完好的备份。": "%1\n\nNo good backup was found in %2.",
    "%1\n\n最新的完好备份：%2，%3，%4 条记录。\n恢复这份备份吗？损坏的文件会原样保留在备份文件夹中。":
        "%1\n\nThe newest good backup: %2, %3, %4 events.\nRestore it? The damaged file is kept as it is in the "
        "backups folder.",
    "恢复此备份": "Restore this backup", "退出": "Quit", "无法打开工作区": "Cannot open the workspace",
    "另一个程序正在写入，已只读打开": "another program is writing; opened read-only",
    "只读：%1。可以浏览、搜索和导出，不能修改。": "Read-only: %1. You can browse, search and export, but not change anything.",
    "指标表：%label 列没有对应的栏目，其数值附在目标值之后":
        "indicator table: column(s) %label have no field of their own; their values are kept after the target value",
    "%at：指标表无法按行读出（%n 行作为表格原文保留，未生成指标）；如需结构化指标，请直接导入 PDF 或 pdftotext -layout 的文本":
        "%at: the indicator table could not be read into rows (%n lines kept as the table's text, no indicators); "
        "import the PDF itself, or text from pdftotext -layout, for structured indicators",
    "%1 位于只读介质上": "%1 is on a read-only medium",
    "%1 是只读文件": "%1 is a read-only file",
    "%1 所在的文件夹不可写入": "the folder of %1 cannot be written",
    "意外错误": "Unexpected error",
    "发生了意外错误：%1\n已保存的工作不受影响；详情已记录在 %2。":
        "An unexpected error occurred: %1\nSaved work is not affected; details were written to %2.",
    "工作区为只读，不能修改：%1": "The workspace is read-only and cannot be changed: %1",
    "工作区正被 %1 占用，请稍后再试": "The workspace is in use by %1; try again later", "其他程序": "another program",
    "工作区为只读（%1）": "The workspace is read-only (%1)", "磁盘已满（%1）": "The disk is full (%1)",
})
EN.update({"WorkspaceOpen|只读": "Read-only"})

# change review of a revised plan (ui/revision/)
EN.update({
    "ChangeReview|变化": "Change", "ChangeReview|章节": "Place", "ChangeReview|内容": "Text", "ChangeReview|标签": "Tags",
    "ChangeReview|审核": "Review", "ChangeReview|待审核": "To review", "ChangeReview|已确认": "Accepted",
    "ChangeReview|已重新标注": "Re-tagged", "ChangeReview|已移至": "Moved to", "ChangeReview|未变": "Unchanged",
    "ChangeReview|移动": "Moved", "ChangeReview|文字修改": "Reworded", "ChangeReview|拆分": "Split",
    "ChangeReview|合并": "Merged", "ChangeReview|删除": "Deleted", "ChangeReview|新增": "New",
    "ChangeReview|重新编号": "Renumbered", "ChangeReview|移动、重新编号": "Moved, renumbered",
    "ChangeReview|文字修改、移动": "Reworded, moved", "ChangeReview|关联指标已删除": "Linked indicator deleted",
    "ChangeReview|全部变化": "All changes", "ChangeReview|孤立标签": "Orphaned tags", "ChangeReview|新增条款": "New clauses",
    "ChangeReview|%1 处变化，%2 项待审核，%3 条新增条款待标注": "%1 changes, %2 to review, %3 new clauses to tag",
    "ChangeReview|%1（修订自 %2）": "%1 (revision of %2)", "ChangeReview|修改后": "Revised",
    "ChangeReview|修订对照": "Revision changes", "ChangeReview|原文": "Original",
    "ChangeReview|原有标签（孤立）：": "Former tags (orphaned): ", "ChangeReview|导入修订稿": "Import revised draft",
    "ChangeReview|导入修订稿(&R)…": "Import &revised draft…", "ChangeReview|导入修订稿失败": "Importing the revised draft failed",
    "ChangeReview|%1 与方案 %2 是同一文件；修订稿须与所修订的版本不同":
        "%1 is the same document as plan %2; a revision must differ from the version it revises",
    "ChangeReview|%1 已作为方案 %2 在工作区中，不是此规划的修订稿": "%1 is already in the workspace as plan %2, not as a revision of this plan",
    "ChangeReview|%1 与方案 %2 没有任何相同条款，不是它的修订稿（是否选错了规划？）；未导入":
        "%1 shares no clause with plan %2: it is not a revision of it (wrong plan?); nothing imported",
    "ChangeReview|导入某规划的新版本（如批准稿）：标注随条款带入新版本，旧版本只读保留":
        "Import a new version of a plan (such as the approved text): tags follow their clauses; the old version stays, read-only",
    "ChangeReview|工作区中还没有修订稿：用 文件 › 导入修订稿 导入新版本":
        "No revised draft in this workspace yet: use File › Import revised draft",
    "ChangeReview|工作区中还没有规划：请先导入规划": "The workspace holds no plan yet: import a plan first",
    "ChangeReview|待标注": "To tag", "ChangeReview|新文件是哪个规划的新版本？": "Which plan is the new file a version of?",
    "ChangeReview|新版本": "New version", "ChangeReview|无法完成": "Could not complete", "ChangeReview|未标注": "Untagged",
    "ChangeReview|标签：": "Tags: ", "ChangeReview|正在导入 %1…": "Importing %1…",
    "ChangeReview|正在比对条款并带入标注…": "Matching clauses and carrying tags…",
    "ChangeReview|正在读取和解析 %1…": "Reading and parsing %1…", "ChangeReview|牵头单位": "Lead department",
    "ChangeReview|确认": "Accept", "ChangeReview|移至其他条款": "Move to another node",
    "ChangeReview|移至其他条款…": "Move to another node…", "ChangeReview|责任单位": "Supporting departments",
    "ChangeReview|转到条款": "Go to node", "ChangeReview|输入章节或文字筛选": "Type a place or words to filter",
    "ChangeReview|重新标注": "Re-tag", "ChangeReview|重新标注…": "Re-tag…", "ChangeReview|（无标签）": "(no tags)",
    "ChangeReview|（无：已删除）": "(none: deleted)", "ChangeReview|（无：新增）": "(none: new)",
    "ChangeReview|（旧版本，只读）": " (old version, read-only)",
    "ChangeReview|导出对照表…": "Export comparison table…", "ChangeReview|导出对照表": "Export comparison table",
    "ChangeReview|原文 / 修改后 / 变化 / 责任单位，Excel 工作簿": "Original / revised / change / departments, as an Excel workbook",
    "ChangeReview|Excel 工作簿 (*.xlsx)": "Excel workbook (*.xlsx)", "ChangeReview|已导出：%1": "Exported: %1",
    "ChangeReview|旧版本上的标注已带入新版本：%1 个条目；%2 个条目在新版本上已改，待审核；%3 项孤立标签。":
        "Tags merged onto the old version were carried into the new one: %1 nodes; %2 re-tagged there meanwhile, "
        "to review; %3 orphaned.",
    "ChangeReview|另一工作区的修订关系已记录：规划 %1 为新版本。":
        " The other workspace's revision is recorded here too: plan %1 is the new version.",
    "ChangeReview|作为规划 %1（%2）的新版本导入：标注随条款带入新版本，旧版本只读保留。":
        "Imported as the new version of plan %1 (%2): tags follow their clauses; the old version stays, read-only.",
    "ChangeReview|指标修改": "Indicator changed", "ChangeReview|指标删除": "Indicator deleted",
    "ChangeReview|指标新增": "Indicator added",
    "ChangeReview|该文件已是此规划的新版本，未作改动": "This file is already the new version of that plan; nothing changed",
    "ChangeReview|已导入新版本，旧版本改为只读：标注带入 %1 个条目，%2 项待审核，%3 项孤立标签":
        "New version imported, the old one is now read-only: tags carried to %1 nodes, %2 to review, %3 orphaned",
})
# issue 13: stable numbers, Shift+N, pins, explained suggestions
EN.update({
    "本条尚无牵头单位：请先指定牵头单位（数字键），再添加配合单位 %1": "This item has no lead yet: assign a lead first (number keys), then add %1 as support",
    "%1 已是配合单位，未作改动": "%1 already supports; nothing changed",
    "%1 是本条的牵头单位，Shift+数字不改变牵头单位；未作改动": "%1 leads this item; Shift+number never changes the lead; nothing changed",
    "%1 由牵头改为配合单位": "%1 changed from lead to support",
    "已添加配合单位 %1": "Added %1 as support",
    "%1 固定为第 %2 号": "%1 pinned to number %2",
    "最近使用（数字键＝牵头，Shift+数字＝配合，Alt+数字＝固定编号）：": "Recent (number = lead, Shift+number = support, Alt+number = pin): ",
    "把所选单位固定到编号": "Pin the selected department to a number",
    "第 %1 号": "Number %1",
    "请先在标注区选择要固定编号的单位": "First select the department to pin in the annotation pane",
    "把最近使用的第 n 个单位添加为配合（不改变牵头单位）": "Add the department numbered n as support (never changes the lead)",
    "把所选单位固定到第 n 号": "Pin the selected department to number n",
    "采用第一个牵头建议": "Take the first lead suggestion",
    "采用第一个配合建议": "Add the first support suggestion",
    "采用第一个牵头建议 / 添加第一个配合建议": "Take the first lead suggestion / add the first support suggestion",
    "正文": "text", "首句": "first sentence", "节标题": "section title", "章标题": "chapter title",
    "点名「%1」": "names “%1”",
    "牵头建议（S；点击＝牵头）：": "Lead suggestions (S; click = lead): ",
    "配合建议（Shift+S；点击＝添加配合）：": "Support suggestions (Shift+S; click = add as support): ",
    "%1 的依据：": "Why %1: ",
    "指标建议（点击＝关联）：": "Indicator suggestions (click = link): ",
    "没有牵头建议": "No lead suggestion",
    "没有配合建议": "No support suggestion",
    "第 %1 号不再固定": "Number %1 is no longer pinned",
})
# importer warnings in the import preview (issue 9)
EN.update({
    "%at：%label 与正文连在一起，标题取为“%title”，请核对":
        "%at: %label runs straight into its text; title taken as “%title” (check it)",
    "%at：%label 与正文连在一起，无法分出标题，全文作为其第一段":
        "%at: %label runs straight into its text and no title could be told apart; kept as its first paragraph",
    "跳过 %n 行页码或页眉，例如%at：“%title”": "Skipped %n page-number or running-header lines, e.g. %at: “%title”",
    "%at：%label 不在任何一章之内": "%at: %label is outside any chapter",
    "%at：%label 编号重复，记为 %title": "%at: duplicate %label, kept as %title",
    "目录列出的 %label %title 在正文中没有找到": "The contents list %label %title, not found in the body",
    "%label：正文标题“%title”与目录中的“%n”不同": "%label: body title “%title” differs from the contents' “%n”",
    "%at：指标序号 %n 重复（第一次在 %title），本行记为 %label":
        "%at: indicator number %n is used twice (first at %title); this row is kept as %label",
    "指标类别 %label：表头写 %n 项，实际 %title 项": "Indicator category %label: the header says %n, found %title",
    "无法识别的指标表行：%title": "Unrecognised indicator table row: %title",
    "%at：“%label”之后不是目录，按正文保留": "%at: “%label” is not followed by a table of contents; kept as text",
    "表格 %1 第 %2 行": "table %1 row %2", "第 %1 段": "paragraph %1", "第 %1 页": "page %1",
    "ImportMessages|第 %1 行": "line %1",
})
EN.update({"（页眉页脚）": "(header/footer)", "，表格行": ", table row", "文本框，位于": "text box at"})
EN.update({"跳过第 %1–%2 行，共 %3 行（%4）：%5": "Skipped lines %1–%2, %3 lines (%4): %5"})
EN.update({"无法写入（磁盘已满或出错：%1），已只读打开": "cannot write (the disk is full or failing: %1); opened read-only"})
EN.update({"此条备注已被他人修改，请核对后离开编辑框再保存":
           "someone else changed this note meanwhile; check it, then leave the box to save yours"})
# audit log on a worker; exports refused when the state does not match the audit trail (issues 10, 14)
EN.update({"正在读取…": "Reading…", "审核状态": "review status", "条目 %1 的%2": "the %2 of item %1",
           "部门“%1”": "department “%1”", "规划 %1": "plan %1", "（事件 %1）": " (event %1)",
           "已拒绝导出：工作区的内容与审计记录不符，首个不符处：%1%2。请先用“workbench audit verify”核对。":
           "Export refused: the workspace does not match its audit trail; first mismatch: %1%2. "
           "Check it with “workbench audit verify” first.",
           "已拒绝导出：审计记录未通过核验：%1%2。请先用“workbench audit verify”核对。":
           "Export refused: the audit trail does not verify: %1%2. Check it with “workbench audit verify” first.",
           "正在核对工作区与审计记录…": "Checking the workspace against its audit trail…"})
EN.update({"状态": "Status", "显示已处理的冲突": "Show settled conflicts",
           "也列出已裁决和已被取代的冲突，并说明其结果": "Also list resolved and superseded conflicts, saying what became of each",
           "正在读取合并冲突…": "Reading merge conflicts…", "读取冲突失败：%1": "Could not read the conflicts: %1",
           "公开备注不同": "Public remarks differ", "共 %n 个冲突（含已处理）": "%n conflict(s), settled ones included"})
