/// The JSON form, as the dev token endpoint reads it: camelCase members, only `repository`
/// required, the rest defaulting as in ``GitHubActionsWorkflow/init(repository:ref:sha:workflowPath:workflowName:eventName:environment:runID:runNumber:runAttempt:actor:runnerEnvironment:repositoryVisibility:jobWorkflowRef:)``.
extension GitHubActionsWorkflow: Codable {
    enum CodingKeys: String, CodingKey {
        case repository, ref, sha, workflowPath, workflowName, eventName, environment
        case runID, runNumber, runAttempt, repositoryID, repositoryOwnerID, actor, actorID
        case runnerEnvironment, repositoryVisibility, jobWorkflowRef
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func value(_ key: CodingKeys) throws -> String? { try container.decodeIfPresent(String.self, forKey: key) }
        self.init(
            repository: try container.decode(String.self, forKey: .repository),
            ref: try value(.ref) ?? "refs/heads/main",
            sha: try value(.sha),
            workflowPath: try value(.workflowPath) ?? ".github/workflows/release.yml",
            workflowName: try value(.workflowName),
            eventName: try value(.eventName) ?? "push",
            environment: try value(.environment),
            runID: try value(.runID) ?? "1",
            runNumber: try value(.runNumber) ?? "1",
            runAttempt: try value(.runAttempt) ?? "1",
            actor: try value(.actor),
            runnerEnvironment: try value(.runnerEnvironment) ?? "github-hosted",
            repositoryVisibility: try value(.repositoryVisibility) ?? "public",
            jobWorkflowRef: try value(.jobWorkflowRef)
        )
        repositoryID = try value(.repositoryID) ?? repositoryID
        repositoryOwnerID = try value(.repositoryOwnerID) ?? repositoryOwnerID
        actorID = try value(.actorID) ?? actorID
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(repository, forKey: .repository)
        try container.encode(ref, forKey: .ref)
        try container.encode(sha, forKey: .sha)
        try container.encode(workflowPath, forKey: .workflowPath)
        try container.encode(workflowName, forKey: .workflowName)
        try container.encode(eventName, forKey: .eventName)
        try container.encodeIfPresent(environment, forKey: .environment)
        try container.encode(runID, forKey: .runID)
        try container.encode(runNumber, forKey: .runNumber)
        try container.encode(runAttempt, forKey: .runAttempt)
        try container.encode(repositoryID, forKey: .repositoryID)
        try container.encode(repositoryOwnerID, forKey: .repositoryOwnerID)
        try container.encode(actor, forKey: .actor)
        try container.encode(actorID, forKey: .actorID)
        try container.encode(runnerEnvironment, forKey: .runnerEnvironment)
        try container.encode(repositoryVisibility, forKey: .repositoryVisibility)
        try container.encodeIfPresent(jobWorkflowRef, forKey: .jobWorkflowRef)
    }
}
